# Ressourcen (ui/screens/resources.js).

resources-title = Ressourcen
resources-asking-heroku = Frage bei Heroku nach …
# Das „Sind Sie sicher?“ auf allen Karten.
resources-cancel = Abbrechen
resources-save = Speichern
resources-remove = Entfernen

# Dynos
resources-dynos-title = Dynos (der Server der Studie)
resources-server-off = Der Server der Studie ist aus: Niemand kann die Studie öffnen.
resources-start-server = Server der Studie starten
resources-dynos-process = Prozess
resources-dynos-size = Größe
resources-dynos-count = Anzahl
resources-dynos-memory = Speicher je Dyno
resources-dynos-cost = Kosten
# The button that applies a row's new size and count.
resources-dynos-apply = Ändern
resources-size-of = Größe für { $process }
# Eine Dyno-Größe mit Monatspreis, z. B. „Basic (7,00 $/Monat)“.
resources-size-option = { $size } ({ $price })
resources-count-of = Anzahl der { $process }-Dynos
resources-memory-mb = { $mb } MB
resources-cost-off = nichts, solange aus
resources-web-dynos-confirm = oTree läuft auf einem Web-Dyno: Bei mehreren können Teilnehmende derselben Gruppe auf verschiedenen Dynos landen und endlos warten. Sicherer bedienen Sie mehr Personen mit einer größeren Dyno-Größe. Trotzdem auf mehrere skalieren?
resources-web-dynos-yes = { $count } Web-Dynos verwenden
resources-restart = App neu starten
resources-restart-confirm = Ein Neustart dauert etwa eine Minute; wer in diesem Moment eine Seite der Studie geöffnet hat, sieht einen Fehler und muss die Seite neu laden.
resources-restart-yes = Jetzt neu starten
resources-restarting = Wird neu gestartet; die Studie ist in etwa einer Minute wieder erreichbar.
resources-maintenance-start = Wartungsmodus einschalten
resources-maintenance-end = Wartungsmodus beenden
resources-in-maintenance = Im Wartungsmodus: Teilnehmende sehen die Wartungsseite von Heroku
resources-changing = Wird geändert …
# Nach dem Skalieren, z. B. „web: 1 × Basic (7,00 $/Monat).“
resources-scaled = { $process }: { $count } × { $size } ({ $price }).

# Add-ons
resources-addons-title = Add-ons
resources-addons-addon = Add-on
resources-addons-plan = Plan
resources-addons-price = Preis
resources-addons-state = Zustand
resources-addons-sets = Setzt
# $state ist Herokus englisches Wort (provisioned, provisioning, deprovisioned).
resources-addon-state = { $state ->
    [provisioned] bereit
    [provisioning] wird eingerichtet
    [deprovisioned] entfernt
   *[other] { $state }
}
resources-addon-dashboard = Dashboard
resources-addon-change-plan = Plan ändern
resources-addons-none = Noch keine Add-ons. Eine oTree-Studie braucht Heroku Postgres für ihre Daten.
resources-asking-plans = Frage Heroku nach den Plänen …
resources-new-plan = Neuer Plan
resources-plan-option = { $plan } ({ $price })
# $pick ist die Liste der Pläne.
resources-new-plan-for = Neuer Plan für { $addon }: { $pick }
resources-change = Ändern
resources-remove-database = Wenn Sie { $addon } entfernen, werden die Datenbank und alles darin gelöscht: alle Teilnehmerdaten. Novaland erstellt zuerst ein Backup, wartet, bis Heroku es als erfolgreich meldet, und speichert es auf diesem Computer; erst dann wird die Datenbank entfernt.
# $vars: die Config Vars, die das Add-on gesetzt hat, z. B. „PAPERTRAIL_API_TOKEN“; $count ihre Anzahl.
resources-remove-addon-confirm = Wenn Sie { $addon } entfernen, enden das Add-on und seine Einstellungen ({ $count ->
        [0] keine
       *[other] { $vars }
    }); was es aufbewahrt hat (Logs, Fehler), ist damit ebenfalls weg.
resources-remove-addon = { $service } entfernen
resources-addon-removed = { $addon } wurde entfernt.
resources-addon-removed-backup = { $addon } wurde entfernt. Das Backup ist in { $file } gespeichert.

# Add-ons: der Marktplatz von Heroku
resources-market-title = Add-on hinzufügen
resources-market-placeholder = Add-ons von Heroku durchsuchen (z. B. postgres, logs, email)
resources-market-label = Add-ons durchsuchen
resources-market-search = Suchen
resources-market-nothing = Nichts gefunden. Versuchen Sie ein anderes Wort.
resources-market-suggested = Was eine oTree-Studie braucht
resources-group-databases = Datenbanken
resources-group-logs = Logs und Überwachung
resources-group-errors = Fehler
resources-group-email = E-Mail
resources-group-storage = Dateispeicher
resources-group-security = Sicherheit
resources-group-other = Sonstiges
# Nach dem Namen eines Dienstes: wozu eine oTree-Studie ihn braucht.
resources-market-suggestion = {" "}– { $suggestion }
resources-market-plan = { $plan }: { $price }
resources-market-add = Hinzufügen
resources-market-add-confirm = { $service } ({ $plan }) für { $price } zu { $app } hinzufügen? Heroku berechnet es dem Eigentümer der App.
resources-market-add-yes = Für { $price } hinzufügen
resources-market-provisioning = Heroku richtet { $addon } ein …
resources-market-addon-state = { $addon }: { $state ->
        [provisioned] bereit
        [provisioning] wird eingerichtet
        [deprovisioned] entfernt
       *[other] { $state }
    }
resources-market-ready = { $addon } ist bereit ({ $plan }).

# Config Vars
resources-config-vars-title = Config Vars
resources-config-vars-intro = Die Einstellungen der App, bei Heroku Config Vars genannt. Passwörter, Schlüssel und Adressen bleiben verborgen, bis Sie sie anzeigen lassen. Jede Änderung startet die App neu.
resources-config-vars-name = Name
resources-config-vars-value = Wert
resources-config-var-from-addon = von einem Add-on gesetzt
resources-config-var-show = Anzeigen
resources-config-var-edit = Bearbeiten
resources-config-var-remove-confirm = { $name } entfernen? Die App startet neu.
resources-config-var-remove-addon-confirm = { $name } entfernen? Ein Add-on hat sie gesetzt und funktioniert ohne sie nicht mehr. Die App startet neu.
resources-config-var-remove-yes = { $name } entfernen
resources-config-var-name-placeholder = NAME
resources-config-var-name = Name der Config Var
resources-config-var-value-placeholder = Wert
resources-config-var-value = Wert der Config Var
resources-config-var-save-confirm = Das Speichern von { $name } startet die App neu (etwa eine Minute; wer gerade eine Seite der Studie geöffnet hat, muss sie dann neu laden).
resources-config-var-save-yes = { $name } speichern
resources-config-var-saved = { $name } gespeichert; die App startet neu.
resources-config-var-presets = Einstellungen von oTree:{" "}
# Eine Voreinstellung, erklärt beim Auswählen, z. B. „OTREE_AUTH_LEVEL: wer die Admin-Seiten öffnen darf“.
resources-config-var-preset = { $name }: { $plain }

# Personen mit Zugriff
resources-people-title = Personen mit Zugriff
# $role ist Herokus englisches Wort (owner, collaborator, admin, member, viewer).
resources-people-role = { $role ->
    [owner] Eigentümer
    [collaborator] Mitarbeitende
    [admin] Admin
    [member] Mitglied
    [viewer] nur lesend
   *[other] { $role }
}
resources-people-remove-confirm = { $email } entfernen? Die Person kann diese App danach nicht mehr ändern.
resources-invite-placeholder = name@universitaet.de
resources-invite-label = E-Mail-Adresse der Person, die Sie einladen
resources-invite = Einladen

# Releases
resources-releases-title = Releases
resources-releases-version = Version
resources-releases-description = Was sich geändert hat
resources-releases-who = Wer
resources-releases-when = Wann
resources-releases-status = Status
resources-release-version = v{ $version }
# $status ist Herokus englisches Wort (succeeded, failed, pending).
resources-release-status = { $status ->
    [succeeded] erfolgreich
    [failed] fehlgeschlagen
    [pending] läuft noch
    [expired] abgelaufen
   *[other] { $status }
}
resources-release-current = aktuell
resources-rollback = Zu dieser Version zurückkehren
resources-rollback-to = Zu v{ $version } zurückkehren
resources-rollback-confirm = Die App kehrt zum Code und zu den Einstellungen von v{ $version } („{ $description }“) zurück und startet neu. Ihre Datenbank bleibt unverändert.
