# Übersicht (ui/screens/overview.js).

# Kopf der Seite
overview-title = Übersicht
overview-updated = Aktualisiert um { $time }
overview-deploy-new = Neue Version einspielen …
overview-refresh = Aktualisieren
overview-asking-heroku = Frage bei Heroku nach …

# Status: Zustand der App, ihre Adresse und wo sie läuft
overview-status-running = Läuft
overview-status-crashed = Abgestürzt
overview-status-idle = Schläft
overview-status-starting = Startet
overview-status-offline = Offline
overview-open-app = App öffnen
overview-opening-study = Ihre Studie wird im Browser geöffnet …
overview-maintenance-on = Der Wartungsmodus ist an: Teilnehmende sehen die Wartungsseite von Heroku.
overview-no-web-address = Noch keine Webadresse
overview-app-facts-team = { $address } · Region { $region } · Stack { $stack } · Team { $team }
overview-app-facts-owner = { $address } · Region { $region } · Stack { $stack } · Eigentümer { $owner }

# Dynos
overview-dynos-title = Dynos (Server)
overview-dynos-process = Prozess
overview-dynos-size = Größe
overview-dynos-count = Anzahl
overview-dynos-state = Zustand
overview-process-web = die Seiten Ihrer Studie
overview-process-worker = Hintergrundaufgaben
overview-process-off = aus
overview-dynos-none-running = keiner läuft
# Ein gezählter Dyno-Zustand, z. B. „1 aktiv“ ($state ist Herokus englisches Wort).
overview-dyno-state = { $state ->
    [up] { $count } aktiv
    [crashed] { $count } abgestürzt
    [down] { $count } gestoppt
    [idle] { $count } im Ruhezustand
    [starting] { $count ->
        [one] 1 startet
       *[other] { $count } starten
    }
    [restarting] { $count ->
        [one] 1 startet neu
       *[other] { $count } starten neu
    }
   *[other] { $count } { $state }
}
overview-dynos-none = Noch keine Prozesse: In die App wurde noch nichts eingespielt.

# Add-ons
overview-addons-title = Add-ons ({ $count })
overview-addon-state = { $state ->
    [provisioning] wird eingerichtet
    [deprovisioned] entfernt
   *[other] { $state }
}
overview-service-postgres = die Datenbank mit den Daten Ihrer Teilnehmenden
overview-service-papertrail = durchsuchbarer Log-Verlauf
overview-service-sentry = Fehlerberichte
overview-service-key-value = schneller Zwischenspeicher
overview-service-email = E-Mail
overview-addons-none = Keine. Eine oTree-Studie braucht Heroku Postgres, um ihre Daten zu speichern.

# Letzter Release
overview-release-title = Letzter Release
overview-release-version = v{ $version }
# $status ist Herokus englisches Wort (succeeded, failed, pending); $when z. B. „vor 3 Minuten (…)“.
overview-release-meta = { $status ->
        [succeeded] erfolgreich
        [failed] fehlgeschlagen
        [pending] läuft noch
        [expired] abgelaufen
       *[other] { $status }
    } · von { $user } · { $when }
overview-release-none = Es wurde noch nichts veröffentlicht.

# Personen mit Zugriff
overview-people-title = Personen mit Zugriff ({ $count })
overview-people-only-owner = Nur der Eigentümer, { $owner }. Weitere Personen laden Sie unter Ressourcen ein.
overview-people-only-you = Nur Sie als Eigentümer. Weitere Personen laden Sie unter Ressourcen ein.
overview-people-role = { $role ->
    [owner] Eigentümer
    [collaborator] Mitarbeitende
    [admin] Admin
    [member] Mitglied
    [viewer] nur lesend
   *[other] { $role }
}

# Metriken: die letzte Stunde in einer Zeile; die Angaben verbindet die Aufzählung der Sprache („a, b und c“).
overview-metrics-title = Metriken
overview-glance-empty = Noch keine Zahlen: Novaland sammelt sie aus dem Log der App, solange es geöffnet ist. { $link }
overview-glance-requests = { $requests ->
    [one] 1 Anfrage in der letzten Stunde
   *[other] { $requests } Anfragen in der letzten Stunde
}
overview-glance-server-errors = { $errors } davon mit einem Serverfehler beantwortet
overview-glance-p95 = 95 % innerhalb von { $ms } ms beantwortet
overview-glance-bytes = { $size } an Browser gesendet
overview-glance-memory = Arbeitsspeicher bei { $percent } % des Dyno-Kontingents
overview-glance = { $facts }. { $link }
overview-glance-link = Diagramme und die Prüfung vor einer Sitzung
