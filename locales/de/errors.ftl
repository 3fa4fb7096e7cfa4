# Fehler: was schiefging und was zu tun ist, wie es im Fehlerkasten jedes Bildschirms steht
# (in Rust erzeugt: src-tauri/core/src/*, src-tauri/src/error.rs und die Befehle).

# Anmelden und Herokus Antworten (alle Bildschirme)
error-signed-out = Sie sind nicht angemeldet. Fügen Sie Ihren Heroku-API-Schlüssel ein oder sehen Sie sich Novaland ohne Konto an.
error-no-app = Wählen Sie zuerst die App Ihrer Studie.
error-signin-empty-key = Fügen Sie zuerst Ihren Heroku-API-Schlüssel ein.
error-heroku-unauthorized = Heroku hat diesen API-Schlüssel nicht angenommen. Kopieren Sie ihn noch einmal aus den Account settings bei Heroku (API Key, Reveal) und fügen Sie ihn vollständig ein.
error-heroku-two-factor = Heroku verlangt dafür einen Zwei-Faktor-Code. Verwenden Sie einen API-Schlüssel aus den Account settings; damit geht es ohne.
error-heroku-forbidden = Laut Heroku darf dieses Konto das nicht: { $message }
error-heroku-not-found = Heroku hat es nicht gefunden. Vielleicht wurde es umbenannt oder gelöscht, oder dieses Konto hat keinen Zugriff mehr. ({ $message })
error-heroku-rate-limited = Heroku bittet darum, langsamer zu machen (zu viele Anfragen). Warten Sie eine Minute und versuchen Sie es dann erneut.
error-heroku-invalid-params = Heroku hat das nicht angenommen: { $message }
error-heroku-failing = Heroku hat gerade Probleme (Fehler { $status }). Es wurde nichts geändert; versuchen Sie es in ein paar Minuten erneut und sehen Sie auf status.heroku.com nach.
error-heroku-other = Antwort von Heroku: { $message }
error-heroku-timeout = Heroku hat zu lange für die Antwort gebraucht. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
error-heroku-offline = Heroku ist nicht erreichbar. Prüfen Sie, ob dieser Computer online ist, und versuchen Sie es dann erneut.
error-heroku-decode = Heroku hat eine Antwort geschickt, die Novaland nicht lesen kann. Versuchen Sie es erneut; passiert das immer wieder, hat Heroku vielleicht etwas geändert.
error-heroku-insecure-url = Diese Heroku-Adresse ist nicht sicher (kein https), deshalb wurde der API-Schlüssel nicht gesendet.
error-heroku-verification-needed = Heroku verlangt eine Zahlungsmethode in Ihrem Konto, bevor es Apps anlegt oder Dynos startet (auch kostenlose). Hinterlegen Sie eine auf Herokus Abrechnungsseite ({ $billing_url }) und versuchen Sie es dann erneut. Es wurde nichts angelegt.
error-heroku-bad-name = „{ $name }“ ist kein Heroku-App-Name (Kleinbuchstaben, Ziffern und Bindestriche, 3 bis 30 Zeichen), deshalb wurde Heroku nicht gefragt.

# Der Schlüsselbund (Anmelden, Sentry verbinden)
error-keychain-unavailable = Dieser Computer hat keinen Schlüsselbund, den Novaland nutzen kann (unter Linux müssen GNOME Keyring oder KWallet laufen und entsperrt sein). Der Schlüssel wurde nirgends gespeichert; Sie können ihn aber nutzen, bis Sie Novaland schließen.
error-keychain-failed = Der Schlüsselbund hat den Schlüssel nicht angenommen ({ $detail }). Entsperren Sie Ihren Schlüsselbund und versuchen Sie es erneut.
error-keychain-locked = Ihr Schlüsselbund ist gesperrt, deshalb kann Novaland Ihren Heroku-Schlüssel weder lesen noch aufbewahren. Entsperren Sie ihn (Linux: die App „Passwörter und Schlüssel“, oder ab- und wieder anmelden; macOS: Schlüsselbundverwaltung; Windows: erneut anmelden) und versuchen Sie es dann erneut. Es wurde nichts anderswo gespeichert.
error-keychain-too-long = Das sind { $length } Zeichen, mehr als ein Eintrag im Schlüsselbund fassen kann ({ $max }). Ein Heroku-API-Schlüssel oder ein Sentry-Token hat weniger als 100 Zeichen: Prüfen Sie, ob nur der Schlüssel eingefügt wurde. Es wurde nichts gespeichert.

# Updates von Novaland (Fußzeile)
error-update-offline = Novaland hat seinen Update-Server nicht erreicht. Prüfen Sie die Internetverbindung und versuchen Sie es später erneut; Novaland läuft so weiter wie bisher.
error-update-bad-answer = Der Update-Server von Novaland hat eine Antwort gegeben, die Novaland nicht lesen kann. Es wurde nichts installiert; Novaland läuft so weiter wie bisher.
error-update-bad-signature = Ein Update auf Novaland { $version } wurde gefunden, ist aber nicht mit dem Schlüssel von Novaland signiert und wurde deshalb nicht installiert. Novaland läuft so weiter wie bisher.
error-update-signed-for-other-version = Der Update-Server hat Novaland { $announced } angekündigt, aber die gelieferte Datei ist als Version { $signed } signiert. Sie wurde nicht installiert. Novaland läuft so weiter wie bisher.
error-update-busy = Novaland arbeitet noch ({ $running ->
        [one] { $running } Aufgabe läuft
       *[other] { $running } Aufgaben laufen
    }: ein Download, ein Backup, ein Zurücksetzen oder das Einspielen einer neuen Version). Installieren Sie das Update, sobald das erledigt ist.
error-update-nothing-ready = Es liegt kein Update zum Installieren bereit. Suchen Sie zuerst nach Updates.
error-update-install-failed = Das Update konnte nicht installiert werden ({ $reason }). Es wurde nichts geändert; Novaland läuft so weiter wie bisher.
error-update-password-prompt = die Passwortabfrage wurde abgebrochen oder das Passwort war falsch

# Bestätigen mit dem Namen der App (Ressourcen, Postgres, neue Version einspielen)
error-confirm-name = Geben Sie zur Bestätigung den Namen der App ein: { $app }. { $kept ->
        [reset] Es wurde nichts zurückgesetzt.
        [deleted] Es wurde nichts gelöscht.
        [restored] Es wurde nichts wiederhergestellt.
        [rolled-back] Es wurde nichts zurückgerollt.
        [deployed] Es wurde nichts eingespielt.
       *[removed] Es wurde nichts entfernt.
    }

# Ressourcen: Add-ons
error-addon-not-ready = Laut Heroku ist das Add-on im Zustand „{ $state }“, also nicht bereit. Sehen Sie in ein paar Minuten wieder nach; bleibt es so, entfernen Sie es und fügen Sie es neu hinzu.
error-addon-cancelled = Warten beendet. Heroku macht weiter; die Liste zeigt den Zustand des Add-ons.
error-addon-backup = Die Datenbank wurde nicht entfernt: Das Backup der Datenbank ließ sich vorher nicht erstellen und speichern. { $reason }
error-addon-no-folder = Die Datenbank wurde nicht entfernt: Der Ordner für das Backup konnte nicht angelegt werden ({ $reason }).
error-addon-gone = Dieses Add-on gehört nicht mehr zur App.
error-addon-no-dashboard = Heroku nennt für dieses Add-on keine Dashboard-Adresse.
error-addon-practice-dashboard = Im Übungsmodus haben die Add-ons keine echten Dashboards. Mit Ihrem eigenen Konto öffnet sich hier das Dashboard des Add-ons, angemeldet über Heroku.

# Ressourcen: Config Vars und Personen
error-config-var-gone = Die App hat keine Config Var { $name } mehr.
error-config-var-bad-name = Der Name einer Config Var besteht nur aus Buchstaben, Ziffern und Unterstrichen und beginnt nicht mit einer Ziffer (etwa OTREE_AUTH_LEVEL).
error-invalid-email = „{ $email }“ ist keine E-Mail-Adresse. Eine solche sieht aus wie name@uni-beispiel.de.

# Postgres: Daten herunterladen (die Dateien von oTree) und die Excel-Arbeitsmappe
error-otree-no-address = Heroku nennt für diese App keine brauchbare Webadresse, deshalb erreicht Novaland die Studie nicht. „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-unreachable = Der Server der Studie hat nicht geantwortet ({ $reason }). Läuft die App? Sehen Sie in der Übersicht nach. „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-not-otree = Unter der Adresse der Studie antwortet kein oTree 5 oder 6 (keine Admin-Anmeldung und keine Data-Seite). „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-no-password = oTree verlangt das Admin-Passwort, aber die App hat keine Einstellung OTREE_ADMIN_PASSWORD. Fügen Sie sie unter Ressourcen → Config Vars hinzu (oTree startet dann neu) und versuchen Sie es erneut.
error-otree-login-failed = oTree hat das Admin-Passwort aus der Einstellung OTREE_ADMIN_PASSWORD nicht angenommen. Legt die settings.py der Studie einen anderen ADMIN_USERNAME oder ein anderes Passwort fest, passen Sie OTREE_ADMIN_PASSWORD daran an.
error-otree-rest-key-refused = oTree hat den REST-Schlüssel aus der Einstellung OTREE_REST_KEY abgelehnt. Prüfen Sie, ob es der Schlüssel ist, mit dem die Studie gestartet wurde.
error-otree-server-error = oTree hat für { $what } mit einem Fehler geantwortet ({ $status }). Den Grund nennt sein Log (Logs und Fehler). „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-export-failed = oTree konnte die Datei nicht erstellen: „{ $reason }“. Den Grund nennt sein Log (Logs und Fehler). „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-unreadable = Die Antwort von oTree ließ sich nicht lesen ({ $what }). „Tabellen der Datenbank herunterladen“ weiter unten funktioniert trotzdem: Es liest die Datenbank direkt.
error-otree-no-data = Es hat noch niemand teilgenommen: Die Data-Seite von oTree enthält keine Daten. Es wurde nichts gespeichert.
error-otree-cancelled = Angehalten. Es blieb keine halb geschriebene Datei zurück; vollständige Dateien bleiben erhalten.
error-workbook-read = Die Excel-Arbeitsmappe wurde nicht erstellt: { $file } ließ sich nicht lesen ({ $detail }). Die CSV-Dateien sind vollständig.
error-workbook-write = Die Excel-Arbeitsmappe konnte nicht gespeichert werden ({ $detail }). Die CSV-Dateien sind vollständig.

# Postgres: Tabellen der Datenbank herunterladen
error-tables-no-database = Diese App hat keine Datenbank: In ihren Einstellungen fehlt DATABASE_URL. Fügen Sie Heroku Postgres auf dem Bildschirm „Ressourcen“ hinzu.
error-tables-bad-url = Die Datenbankadresse in den Einstellungen Ihrer App (DATABASE_URL) ist ungültig.
error-tables-weak-login = Die Datenbank hat ihr Passwort in einer Form verlangt, die jeder zwischen diesem Computer und Heroku mitlesen könnte (Klartext oder MD5), deshalb hat Novaland es nicht gesendet. Ihre Daten sind sicher; laden Sie sie stattdessen über die Data-Seite von oTree herunter („Daten herunterladen“) und informieren Sie den Heroku-Support.
error-tables-unreachable = Die Datenbank war nicht erreichbar. Prüfen Sie Ihre Internetverbindung; bleibt das Problem, ist Heroku Postgres vielleicht gestört.
error-tables-query = Die Datenbank hat abgelehnt: { $message }
error-tables-cancelled = Abgebrochen. Die Tabellen, die vor dem Abbruch fertig waren, bleiben erhalten; es blieb keine halb geschriebene Datei zurück.

# Downloads und Dateien auf diesem Computer (Postgres, Logs, Einstellungen)
error-export-folder-not-made = Der Ordner für Ihre Dateien konnte nicht angelegt werden ({ $reason }). Wählen Sie in den Einstellungen einen anderen Ort.
error-disk-full-no-half-file = Der Datenträger ist voll. Geben Sie etwas Speicherplatz frei und versuchen Sie es erneut; es blieb keine halb geschriebene Datei zurück.
error-file-not-written-no-half-file = Eine Datei konnte nicht geschrieben werden ({ $reason }). Es blieb keine halb geschriebene Datei zurück.
error-write-disk-full = der Datenträger ist voll; geben Sie etwas Speicherplatz frei und versuchen Sie es erneut
error-size-bytes = { $count } Byte
error-size-kb = { $size } kB
error-size-mb = { $size } MB
error-size-gb = { $size } GB

# Postgres: Backups
error-backup-no-database = Diese App hat keine Heroku-Postgres-Datenbank, es gibt also nichts zu sichern.
error-backup-no-database-url = Keine der Heroku-Postgres-Datenbanken dieser App ist ihre DATABASE_URL, also die, die oTree nutzt; deshalb kann Novaland nicht erkennen, welche die Daten der Studie enthält. Es wurde nichts geändert. Hängen Sie zuerst die Datenbank der Studie als DATABASE_URL an (Ressourcen, Add-ons).
error-backup-failed = Laut Heroku ist das Backup fehlgeschlagen. Ihre Datenbank wurde nicht verändert; versuchen Sie es in ein paar Minuten erneut.
error-backup-size-mismatch = Das heruntergeladene Backup ist unvollständig ({ $got } von { $expected } Byte) und wurde deshalb nicht behalten. Versuchen Sie es erneut.
error-backup-interrupted = Die Verbindung ist beim Herunterladen immer wieder abgebrochen. Es wurde nichts Unvollständiges behalten; versuchen Sie es erneut.
error-backup-cancelled = Abgebrochen. Es wurde nichts Unvollständiges behalten.
error-backup-io = Die Datei konnte nicht geschrieben werden ({ $reason }). Es wurde nichts Unvollständiges behalten.
error-backup-download-not-https = Heroku hat eine Download-Adresse ohne https genannt
error-backup-disk-full = Der Datenträger ist voll. Geben Sie etwas Speicherplatz frei und versuchen Sie es erneut; es wurde nichts Unvollständiges behalten.
error-backup-gone = Dieses Backup gibt es nicht mehr.
error-backup-folder = Der Ordner konnte nicht angelegt werden ({ $reason }).
error-backup-size-differs = Laut Herokus Liste ist dieses Backup { $listed } groß, die Datei hat { $got }. Die Datei ist vollständig (sie passt zu dem, was der Download selbst angab); Heroku zählt, was der Datenbank-Dump geschrieben hat, und das kann abweichen. Behalten Sie die Kopie bei Heroku, bis Sie diese hier einmal wiederhergestellt haben.
error-backup-schedule-not-listed = Heroku hat den Zeitplan angenommen, führt ihn aber nicht auf.

# Postgres: Rückgängig machen (ein Backup wiederherstellen)
error-restore-no-such-backup = Backup { $name } ist kein abgeschlossenes Backup dieser App. Es wurde nichts geändert.
error-restore-safety-backup = Vor dem Wiederherstellen sichert Novaland, was jetzt in der Datenbank ist, und das ist fehlgeschlagen: { $reason } Es wurde nichts wiederhergestellt.
error-restore-failed = Laut Heroku ist die Wiederherstellung fehlgeschlagen. Die Studie ist wieder online; das Sicherheits-Backup enthält die Daten von kurz davor.
error-restore-failed-maintenance-on = Laut Heroku ist die Wiederherstellung fehlgeschlagen, und der Wartungsmodus ließ sich nicht ausschalten: Schalten Sie ihn unter „Ressourcen“ aus. Das Sicherheits-Backup enthält die Daten von kurz davor.
error-restore-timeout = Die Wiederherstellung bei Heroku war nach 30 Minuten nicht fertig. Die Studie bleibt im Wartungsmodus; ihren Stand sehen Sie unter „Backups“.
error-restore-cancelled = Angehalten, bevor etwas wiederhergestellt wurde. Die Datenbank ist unverändert.

# Postgres: die Datenbank zurücksetzen
error-reset-backup = Es wurde nichts zurückgesetzt: Das Backup ist nicht gelungen. { $reason }
error-reset-download = Es wurde nichts zurückgesetzt: Ihre Daten konnten vorher nicht gespeichert werden. { $reason }
error-reset-otree-files = Es wurde nichts zurückgesetzt: Die Dateien von oTree konnten vorher nicht gespeichert werden. { $reason }
error-reset-cancelled = Abgebrochen. Es wurde nichts zurückgesetzt.
error-reset-failed = Das Zurücksetzen hat nicht geklappt; Ihr Backup ist sicher. { $reason }
error-reset-timeout = Das Zurücksetzen dauert ungewöhnlich lange. Ihr Backup ist sicher; sehen Sie in ein paar Minuten in der Übersicht nach.
error-reset-restart = Die Datenbank wurde zurückgesetzt, aber der Server der Studie konnte nicht neu gestartet werden. Starten Sie ihn auf dem Bildschirm „Ressourcen“ neu. { $reason }
error-reset-no-output = Der Reset-Befehl von oTree lief in { $dyno }, aber seine Ausgabe ist nie im Log der App angekommen, deshalb kann Novaland nicht sagen, ob er funktioniert hat. Ihr Backup und die heruntergeladenen Daten sind sicher. Sehen Sie unter „Logs und Fehler“ nach oder in der Tabellenzahl auf dem Bildschirm „Postgres“.
error-reset-restore =
    { $reset_done ->
        [yes] Die Datenbank wurde zurückgesetzt.
       *[no] Das Zurücksetzen hat nicht geklappt; Ihr Backup ist sicher.
    } Der Server der Studie wurde dafür angehalten und ließ sich nicht wieder so starten wie vorher ({ $formation }); möglicherweise ist noch der Wartungsmodus an. Starten Sie ihn auf dem Bildschirm „Ressourcen“ (Dynos) und beenden Sie den Wartungsmodus. { $reason }
error-reset-command-failed =
    Der Reset-Befehl von oTree ist fehlgeschlagen, die Datenbank ist also möglicherweise nicht leer. Ihr Backup und die heruntergeladenen Daten sind sicher. Ausgabe des Befehls:
    { $output }

# Logs und Fehler: das Log speichern, Papertrail und Sentry
error-log-save = Das Log konnte nicht gespeichert werden: { $reason }. Es blieb nichts halb Geschriebenes zurück.
error-papertrail-unauthorized = Papertrail hat den PAPERTRAIL_API_TOKEN der App nicht angenommen. Öffnen Sie von hier aus das Dashboard von Papertrail, um das Add-on zu prüfen.
error-addon-api-unauthorized = { $service } hat das Token nicht angenommen. Prüfen Sie es (auch, ob es Issues lesen darf) und verbinden Sie dann erneut.
error-addon-api-offline = { $service } war nicht erreichbar ({ $detail }). Prüfen Sie die Internetverbindung und versuchen Sie es erneut.
error-addon-api-rate-limited = { $service } bittet darum, langsamer zu machen (zu viele Suchanfragen). Warten Sie eine Minute und versuchen Sie es erneut.
error-addon-api-failed = { $service } hat mit einem Fehler geantwortet ({ $status }). Versuchen Sie es gleich noch einmal.
error-addon-api-unreadable = Die Antwort von { $service } ließ sich nicht lesen ({ $detail }).
error-addon-api-needs-https = Die Adresse von { $service } muss https verwenden.
error-sentry-project = Projekt { $project } der Organisation { $org }
error-sentry-dsn-unreadable = eine unlesbare SENTRY_DSN
error-sentry-unconfirmed-host = Die SENTRY_DSN dieser App zeigt auf { $host }, nicht auf sentry.io. Novaland schickt Ihr Sentry-Token nur dorthin, wenn Sie bestätigen, dass { $host } Ihr eigener Sentry-Server ist. Kennen Sie diese Adresse nicht, bestätigen Sie nicht: Wer sie eingetragen hat, bekäme Ihr Token.
error-sentry-no-organisation = Diese SENTRY_DSN nennt ihre Organisation nicht; öffnen Sie das Projekt stattdessen direkt in Sentry.
error-sentry-issue-not-askable = Dieses Issue lässt sich nicht abfragen.
error-sentry-no-stack-trace = Kein Stacktrace in diesem Event

# Metriken
error-metrics-store = Die auf diesem Computer gespeicherten Metriken ließen sich nicht lesen ({ $reason }).

# Übersicht: eine neue Version einspielen
error-project-unreadable = { $path } ließ sich nicht lesen ({ $detail }). Es wurde nichts hochgeladen.
error-project-corrupt = Diese Datei ist kein oTree-Archiv, das sich öffnen lässt (sie ist beschädigt oder etwas anderes). Erstellen Sie sie mit „otree zip“ in Ihrem Projektordner neu oder wählen Sie direkt den Projektordner. Es wurde nichts hochgeladen.
error-project-too-big = Dieses Projekt ist { $size } groß, mehr als die { $max }, die eine oTree-Studie auf Heroku haben darf. Suchen Sie im Ordner nach Datendateien, Videos oder einer virtuellen Umgebung und verschieben Sie diese woandershin. Es wurde nichts hochgeladen.
error-project-no-settings = Das ist kein oTree-Projekt: Es hat keine settings.py auf oberster Ebene. Wählen Sie den Ordner, der settings.py enthält (oder die dort mit „otree zip“ erstellte .otreezip). Es wurde nichts hochgeladen.
error-project-no-requirements = Dieses oTree-Projekt hat keine requirements.txt, daher wüsste Heroku nicht, dass es oTree installieren soll. Führen Sie „otree zip“ im Projektordner aus (das legt eine an) oder fügen Sie eine requirements.txt mit der Zeile otree==5.11.5 hinzu (Ihre oTree-Version). Es wurde nichts hochgeladen.
error-project-no-otree-requirement = requirements.txt nennt oTree nicht, deshalb würde Heroku es nicht installieren. Fügen Sie eine Zeile wie otree==5.11.5 hinzu (Ihre oTree-Version). Es wurde nichts hochgeladen.
error-deploy-upload = Das Projekt konnte nicht zu Heroku hochgeladen werden ({ $tries ->
        [one] { $tries } Versuch
       *[other] { $tries } Versuche
    }). Prüfen Sie, ob dieser Computer online ist, und versuchen Sie es dann erneut; die Studie wurde nicht verändert.
error-deploy-build-failed = Heroku konnte die Studie nicht bauen: { $reason }
error-build-package-not-installed = Das Paket { $package } aus requirements.txt ließ sich nicht installieren (dieses Paket oder diese Version gibt es nicht). Korrigieren Sie die Zeile in requirements.txt und spielen Sie die Studie erneut ein.
error-build-some-package-not-installed = Ein Paket aus requirements.txt ließ sich nicht installieren (dieses Paket oder diese Version gibt es nicht). Korrigieren Sie die Zeile in requirements.txt und spielen Sie die Studie erneut ein.
error-build-no-requirements = Heroku hat im Projekt keine requirements.txt gefunden und weiß deshalb nicht, dass es eine Python-App ist.
error-build-last-error-line = { $line } (die letzte Fehlerzeile des Builds)
error-build-no-reason = Das Buildpack hat ohne Begründung aufgehört; seine Ausgabe steht unten.
error-deploy-timeout = Der Build bei Heroku war nach 15 Minuten nicht fertig. Sehen Sie bei Heroku im Activity-Tab der App nach.
error-deploy-cancelled = Angehalten. Hatte der Build schon begonnen, führt Heroku ihn selbst zu Ende.

# Einstellungen: wohin Downloads gehen
error-folder-not-a-folder = Dieser Ort ist kein Ordner auf diesem Computer.
error-folder-not-writable = Novaland kann in { $folder } keine Dateien speichern ({ $reason }). Wählen Sie einen anderen Ordner.
error-settings-not-saved = Die Auswahl konnte nicht gespeichert werden ({ $reason }).
error-folder-unknown = Novaland öffnet nur Ordner, die es selbst angelegt hat.
error-folder-open-failed = Der Ordner konnte nicht geöffnet werden ({ $reason }). Er liegt hier: { $folder }
