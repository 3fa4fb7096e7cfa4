# Wörter, die in Rust entstehen (src-tauri/core/src und src-tauri/src/commands): der Zustand
# der Studie, die Schritte von „Neue Studie“, Diagrammtitel, die Verbindung zum Log,
# Benachrichtigungen und die Meldungen der Befehle hinter den Knöpfen.

# Start und Anmeldung (commands/session.rs, commands/apps.rs)
core-session-saved-key-refused = Der auf diesem Computer gespeicherte Heroku-Schlüssel wird nicht mehr akzeptiert (vielleicht wurde er neu erzeugt). Fügen Sie den aktuellen ein.
core-session-practice-failed = Der Übungsmodus konnte nicht starten: { $detail }
core-apps-choice-not-saved = Ihre Auswahl gilt jetzt, konnte aber nicht für das nächste Mal gespeichert werden: { $detail }

# Übersicht: der Zustand der Studie (overview.rs)
core-overview-status-running = Läuft: Teilnehmende können Ihre Studie erreichen.
core-overview-status-crashed = Abgestürzt: Der Server Ihrer Studie wurde mit einem Fehler beendet, und Teilnehmende sehen eine Fehlerseite.
core-overview-status-idle = Schläft: Der Server schläft, solange ihn niemand nutzt, und wacht beim nächsten Besuch auf (das dauert einige Sekunden).
core-overview-status-starting = Startet: Der Server fährt hoch und ist gleich bereit.
core-overview-status-no-web-dyno = Offline: Es läuft kein Webserver, daher können Teilnehmende Ihre Studie nicht erreichen.

# Übersicht: die Studie und Seiten von Heroku öffnen (overview.rs, commands/overview.rs)
core-overview-no-https-address = Diese App hat noch keine https-Webadresse.
core-overview-practice-no-address = Im Übungsmodus hat die Studie keine echte Adresse. Mit Ihrem eigenen Konto öffnet dieser Knopf Ihre Studie im Browser.
core-overview-unknown-page = Diese Seite ist nicht bekannt.
core-overview-browser-failed = Der Browser konnte nicht geöffnet werden ({ $detail }). Die Adresse ist { $url }

# Neue Studie und „Neue Version einspielen“: das Projekt auswählen (commands/new_study.rs, deploy/project.rs)
core-new-study-pick-title = Wählen Sie Ihr oTree-Projekt
core-new-study-pick-filter = oTree-Projekt (otree zip)
core-new-study-pick-not-local = Das ist keine Datei auf diesem Computer.
core-new-study-no-project = Wählen Sie zuerst das oTree-Projekt (seine .otreezip-Datei oder seinen Ordner).
core-deploy-example-name = Beispielstudie von Novaland
core-deploy-added-psycopg2 = psycopg2 in requirements.txt (oTree braucht es für Heroku Postgres)
core-deploy-added-procfile = Das übliche Procfile von oTree (web: otree prodserver1of2)

# Neue Studie: der Name der App beim Eintippen (new_study.rs)
core-new-study-name-yours = Sie haben bereits eine App namens „{ $name }“. Wählen Sie einen anderen Namen, oder gehen Sie zurück und wählen Sie diese App.
core-new-study-name-free = „{ $name }“ ist frei. Teilnehmende öffnen dann https://{ $name }-….herokuapp.com.
core-new-study-name-taken = „{ $name }“ gehört bereits zur App einer anderen Person. Versuchen Sie einen anderen, z. B. { $name }-2.
core-new-study-name-too-short = Ein Name braucht mindestens 3 Zeichen.
core-new-study-name-too-long = Ein Name darf höchstens 30 Zeichen haben; dieser hat { $count }.
core-new-study-name-first-letter = Ein Name beginnt mit einem Kleinbuchstaben (a bis z).
core-new-study-name-ends-with-dash = Ein Name darf nicht mit einem Bindestrich enden.
core-new-study-name-characters = Verwenden Sie nur Kleinbuchstaben (a bis z), Ziffern und Bindestriche: keine Großbuchstaben, Leerzeichen, Punkte oder Umlaute.

# Neue Studie: was sie im Monat kostet (new_study.rs)
core-new-study-cost-dyno = Ein Basic-Web-Dyno (betreibt die Studie)
core-new-study-cost-database = Heroku Postgres essential-0 (speichert die Teilnehmerdaten)
core-new-study-cost-papertrail = Papertrail Choklad (durchsuchbares Log, kostenlos)

# Neue Studie: die Schritte, was gerade geschieht und was bisher angelegt ist (new_study.rs)
core-new-study-step-app = Heroku-App anlegen
core-new-study-step-app-running = { $name } { $region ->
    [eu] in Europa
    [us] in den USA
   *[other] in einer anderen Region
}
core-new-study-step-app-done = { $name } ({ $region ->
    [eu] Europa
    [us] USA
   *[other] andere Region
})
core-new-study-made-app = die App { $name }
core-new-study-step-database = Heroku Postgres hinzufügen (essential-0)
core-new-study-step-database-running = Heroku richtet sie ein; das dauert ein, zwei Minuten.
core-new-study-step-database-done = Heroku Postgres essential-0 ist bereit.
core-new-study-made-database = ihre Heroku-Postgres-Datenbank
core-new-study-step-papertrail = Papertrail hinzufügen (kostenlos)
core-new-study-step-papertrail-done = Papertrail bewahrt ein durchsuchbares Log auf.
core-new-study-made-papertrail = Papertrail
core-new-study-step-settings = Einstellungen und Admin-Passwort für oTree setzen
core-new-study-step-settings-done = Produktionsmodus, Zugang nur für die Studie, Admin-Passwort und REST-Schlüssel sind gesetzt.
core-new-study-step-deploy = Projekt hochladen und bauen
core-new-study-step-deploy-running = { $count ->
    [one] { $project } (1 Datei)
   *[other] { $project } ({ $count } Dateien)
}
core-new-study-step-deploy-done = Heroku hat das Projekt gebaut.
core-new-study-made-deploy = das eingespielte Projekt
core-new-study-step-start = Einen Basic-Web-Dyno starten
core-new-study-step-start-done = Ein Basic-Web-Dyno betreibt die Studie.
core-new-study-step-answer = Warten, bis die Studie antwortet
core-new-study-step-answer-done = { $url } antwortet.
core-new-study-step-other = Schritt

# Neue Studie: wenn ein Schritt scheitert, und die neue App entfernen (new_study.rs, commands/new_study.rs)
core-new-study-error-name-taken = Der Name „{ $name }“ ist bei Heroku bereits vergeben (App-Namen teilen sich alle Konten). Wählen Sie einen anderen; es wurde nichts angelegt.
core-new-study-error-app-limit = Ihr Heroku-Konto kann keine weiteren Apps haben (Heroku sagt: { $message }). Löschen Sie im Dashboard von Heroku eine App, die Sie nicht mehr brauchen, oder bitten Sie Heroku, die Grenze anzuheben. Es wurde nichts angelegt.
core-new-study-error-database-timeout = Heroku Postgres wurde nach 5 Minuten noch immer eingerichtet.
core-new-study-error-not-answering = Die Studie hat unter { $url } innerhalb von 3 Minuten nach dem Start nicht geantwortet. Was sie ausgegeben hat, sehen Sie unter Logs und Fehler.
core-new-study-error-cancelled = Auf Ihren Wunsch angehalten.
core-new-study-error-nothing-created = { $reason } Es wurde nichts angelegt.
core-new-study-error-part-way = { $reason } (Schritt: { $step }). Bisher angelegt: { $created }. Klicken Sie auf „Erneut versuchen“, um fertig zu werden, oder auf „Neue App entfernen“, um sie wieder zu löschen.
core-new-study-remove-not-ours = Novaland entfernt nur Apps, die es in dieser Sitzung angelegt hat. Andere Apps löschen Sie im Dashboard von Heroku.

# Ressourcen: Dynos (commands/formation.rs)
core-formation-quantity-range = Die Zahl der Dynos muss zwischen 0 und 100 liegen.

# Logs und Fehler: dem Live-Log folgen (logs/stream.rs, commands/logs.rs)
core-logs-stream-closed = Die Verbindung zum Log wurde geschlossen; sie wird neu geöffnet.
core-logs-stream-closed-empty = Die Verbindung zum Log wurde ohne Zeilen geschlossen; sie wird neu geöffnet.
core-logs-stream-bad-address = Heroku hat eine unlesbare Log-Adresse geliefert.
core-logs-stream-not-https = Heroku hat eine Log-Adresse ohne https geliefert.
core-logs-stream-unreachable = Das Log war nicht erreichbar ({ $detail }).
core-logs-stream-answered = Das Log hat mit { $status } geantwortet.
core-logs-stream-dropped = Die Verbindung zum Log ist abgebrochen ({ $detail }).
core-logs-not-following = Das Log ist nicht geöffnet. Öffnen Sie den Bereich Logs und Fehler erneut.

# Logs und Fehler: die Fehlerarten im Reiter „Fehler“ (logs/errors.rs, logs/entry.rs)
core-logs-error-python-title = { $exception } in { $place }
core-logs-error-python-title-nowhere = { $exception } an unbekannter Stelle
core-logs-error-heroku-title = { $code } { $title }
core-logs-error-crash-title = Der Server der Studie ist abgestürzt
core-logs-error-exit-title = Ein Prozess wurde mit einem Fehler beendet
core-logs-traceback-incomplete = Traceback (unvollständig)

# Logs und Fehler: Desktop-Benachrichtigungen (logs/alerts.rs)
core-alert-crash-title = { $app }: Der Server der Studie ist abgestürzt
core-alert-crash-body = Teilnehmende sehen eine Fehlerseite. Den Grund sehen Sie in Novaland unter Logs und Fehler.
core-alert-new-error-title = { $app }: Eine neue Art von Fehler

# Logs und Fehler: Papertrail und Sentry (commands/addon_apis.rs)
core-papertrail-none = Diese App hat kein Papertrail-Add-on (keine Einstellung PAPERTRAIL_API_TOKEN).
core-papertrail-practice = Im Übungsmodus gibt es kein echtes Papertrail zum Öffnen. Mit Ihrem eigenen Konto öffnet dies das Dashboard von Papertrail, angemeldet über Heroku.
core-papertrail-no-dashboard = Heroku nennt keine Dashboard-Adresse für das Papertrail-Add-on.
core-sentry-no-dsn = Diese App hat keine Einstellung SENTRY_DSN.
core-sentry-unreadable-dsn = Die Einstellung SENTRY_DSN der App konnte nicht gelesen werden.
core-sentry-paste-token = Fügen Sie zuerst das Sentry-Auth-Token ein.
core-sentry-connect-first = Verbinden Sie zuerst Sentry mit einem Auth-Token.
core-sentry-practice = Im Übungsmodus gibt es kein echtes Sentry zum Öffnen. Mit Ihrem eigenen Konto öffnet dies das Issue auf sentry.io.
core-sentry-issue-gone = Dieses Issue steht nicht mehr in der Liste von Sentry.

# Metriken: woher die Zahlen kommen (metrics/view.rs, commands/metrics.rs)
core-metrics-source-router = Anfragen und Antwortzeiten: die Router-Metriken von Heroku. Arbeitsspeicher, Last, Dynos und Fehlercodes: das eigene Log der App, gesammelt, solange Novaland geöffnet ist, und auf diesem Computer gespeichert.
core-metrics-source-log = Das eigene Log der App (die Router-Zeilen von Heroku und die Messwerte der Laufzeitmetriken), gesammelt, solange Novaland geöffnet ist, und auf diesem Computer gespeichert. (Die Router-Metriken von Heroku gibt es für diese App nicht: Eco-Dynos haben keine.)
core-metrics-no-folder = Dieser Computer hat keinen Datenordner für die Metriken von Novaland.
core-metrics-store-failed = Die Metriken konnten nicht gespeichert werden ({ $detail }).

# Metriken: Titel, Achsen und Linien der Diagramme (metrics/view.rs, metrics/chart.rs)
core-chart-requests-title = Anfragen pro Minute nach Antwort
core-chart-requests-unit = Anfragen / Minute
core-chart-latency-title = Antwortzeit
core-chart-latency-unit = Millisekunden
core-chart-bandwidth-title = Bandbreite: an die Browser der Teilnehmenden gesendete Daten
core-chart-bandwidth-unit = MB / Minute
core-chart-bandwidth-sent = gesendet
core-chart-memory-title = Arbeitsspeicher pro Dyno
core-chart-memory-unit = MB
core-chart-memory-used = { $dyno } Speicher
core-chart-memory-swap = { $dyno } Swap
core-chart-memory-quota = Kontingent
core-chart-load-title = Durchschnittliche Last pro Dyno (1 Minute)
core-chart-load-unit = Last
core-chart-dynos-title = Meldende Dynos
core-chart-dynos-unit = Dynos
core-chart-dynos-series = Dynos
core-chart-errors-title = Fehlercodes von Heroku
core-chart-errors-unit = pro Minute
core-chart-no-data = Für diesen Zeitraum noch keine Daten

# Ressourcen: Warnungen zu den Dynos, und ein Prozess, den die Studie noch nicht hat (resources/formation.rs)
core-formation-warn-no-web-dyno = Kein Web-Dyno: Niemand kann die Studie öffnen. Starten Sie den Server der Studie, damit Teilnehmende hineinkommen.
core-formation-warn-one-web-dyno = oTree läuft auf einem Web-Dyno: Mit mehreren können Teilnehmende derselben Gruppe auf verschiedenen Dynos landen und endlos warten. Wählen Sie stattdessen eine größere Dyno-Größe.
core-formation-warn-eco = Eco-Dynos schlafen nach 30 Minuten ohne Besuch ein und brauchen einige Sekunden zum Aufwachen: Wer dann ankommt, sieht eine langsame erste Seite, und Warteseiten können hängen bleiben. Nehmen Sie Basic oder größer, solange eine Sitzung läuft.
core-formation-not-deployed = { $message } Wurde die Studie schon eingespielt? Solange ihr Code nicht hochgeladen ist (oTree Hub oder git push heroku), gibt es keinen Prozess { $process_type } zum Starten.

# Ressourcen: Add-ons, die empfohlenen und das Entfernen (resources/addons.rs)
core-addons-suggest-postgres = Hier speichert oTree die Teilnehmerdaten. Essential 0 oder größer.
core-addons-suggest-papertrail = Bewahrt das Log tagelang auf, sodass sich ein Fehler von letzter Nacht noch nachlesen lässt.
core-addons-suggest-sentry = Sammelt die Fehler der Studie samt der Seite und der teilnehmenden Person, bei der sie auftraten.
core-addons-backing-up = Die Datenbank wird gesichert …
core-addons-saving-backup = Das Backup wird auf diesem Computer gespeichert …
core-addons-removing = Das Add-on wird entfernt …

# Ressourcen: Config Vars, was die Vorgaben von oTree bewirken (resources/config_vars.rs)
core-config-preset-production = Betreibt oTree im Produktionsmodus: keine Debug-Seiten für Teilnehmende.
core-config-preset-auth-level = STUDY: Nur Sie (mit dem Admin-Passwort) sehen die Admin-Seiten; DEMO: Alle können die Demo ausprobieren.
core-config-preset-admin-password = Das Passwort der Admin-Seiten von oTree (Benutzer admin). Novaland lädt damit Ihre Daten herunter.
core-config-preset-rest-key = Erlaubt Programmen (und Novaland), die REST-API von oTree zu nutzen.

# Postgres: Daten herunterladen, die Dateien und Schritte (otree/export.rs)
core-otree-step-connecting = Verbindung zur Studie wird hergestellt
core-otree-job-wide = Alle Apps (breites Format)
core-otree-job-app = App { $app }
core-otree-job-page-times = Seitenzeiten
core-otree-job-chat = Chatnachrichten
core-otree-step-workbook = Excel-Arbeitsmappe
core-otree-step-done = Fertig

# Postgres: Daten herunterladen, was mit dem Server der Studie schiefging (otree/site.rs)
core-otree-what-login = die Anmeldung
core-otree-what-data-page = die Data-Seite
core-otree-no-answer = keine Antwort
core-otree-connection-closed = die Verbindung wurde geschlossen
core-otree-export-answer = die Antwort auf den Export: { $detail }
core-otree-export-answer-empty = eine Antwort auf den Export ohne Daten
core-otree-no-web-dyno = Heroku hat mit 503 geantwortet: Der Web-Dyno der App läuft nicht

# Postgres: Rückgängig machen, die Schritte der Wiederherstellung (postgres/restore.rs)
core-restore-safety-backup = Ein Backup dessen, was jetzt in der Datenbank ist, falls Sie es zurückhaben möchten.
core-restore-safety-backup-done = { $name } enthält die Daten von kurz vor der Wiederherstellung.
core-restore-maintenance-done = Teilnehmende sehen währenddessen die Wartungsseite von Heroku.
core-restore-restoring = Heroku spielt { $name } in die Datenbank zurück.
core-restore-restored = Die Datenbank enthält wieder { $name }.
core-restore-live = Die Studie ist wieder online.

# Postgres: Datenbank zurücksetzen, die Schritte (postgres/reset.rs)
core-reset-backing-up = Die Datenbank wird gesichert …
core-reset-backup-done = Backup { $name } ist gelungen ({ $size }).
core-reset-saving-otree-files = Die Dateien von oTree werden gespeichert (Data-Seite) …
core-reset-otree-files-saved = { $count ->
    [one] { $count } Datei von oTree in { $folder } gespeichert.
   *[other] { $count } Dateien von oTree in { $folder } gespeichert.
}
core-reset-otree-no-data = oTree hat noch keine Teilnehmerdaten.
core-reset-saving-tables = Alle Tabellen werden auf Ihrem Computer gespeichert …
core-reset-tables-saved = { $count ->
    [one] { $count } Tabelle in { $folder } gespeichert.
   *[other] { $count } Tabellen in { $folder } gespeichert.
}
core-reset-otree-files-failed = Die Dateien von oTree ließen sich nicht abrufen, aber die Tabellen enthalten dieselben Daten ({ $reason }).
core-reset-nothing-to-save = Nichts zu speichern: keine oTree-App, und die Tabellen waren nicht gewünscht.
core-reset-download-skipped = Nicht gewünscht.
core-reset-resetting = Die Datenbank wird zurückgesetzt …
core-reset-done = Zurückgesetzt über { $method }.
core-reset-method-otree = `otree resetdb --noinput` im Dyno { $dyno }
core-reset-method-data-api = die Reset-Funktion von Heroku Postgres
core-reset-restarting = Der Server der Studie wird neu gestartet …
core-reset-restarted = Der Server der Studie startet mit einer leeren Datenbank neu.

# Einstellungen und Downloads: wohin Dateien gehen (commands/settings.rs, commands/mod.rs)
core-settings-folder-pick-title = Wo soll Novaland Ihre Dateien speichern?
core-export-no-folder = Dieser Computer hat keinen Schreibtisch-, Downloads- oder Benutzerordner, in dem gespeichert werden könnte.
