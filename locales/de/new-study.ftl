# „Neue Studie“ (ui/screens/new_study.js): aus einem oTree-Projekt und einem Heroku-Konto wird eine laufende Studie.

# Das Formular
new-study-title = Eine neue Studie auf Heroku
new-study-intro = Novaland legt eine Heroku-App für Ihre Studie an, gibt ihr eine Datenbank, lädt Ihr oTree-Projekt hoch und startet es. Sie brauchen ein Heroku-Konto mit hinterlegter Zahlungsmethode; angelegt wird erst etwas, wenn Sie bestätigen.
new-study-project-title = 1. Ihr oTree-Projekt
new-study-project-intro = Die Datei, die { $command } in Ihrem Projektordner erzeugt (sie endet auf .otreezip), oder der Projektordner selbst: Wählen Sie sie aus oder ziehen Sie sie auf dieses Fenster. Noch kein Projekt? Die Beispielstudie von Novaland (eine Umfrage und ein Schätzspiel) zeigt, wie alles funktioniert.
new-study-choose-otreezip = .otreezip-Datei wählen …
new-study-choose-folder = Projektordner wählen …
new-study-use-example = Beispielstudie verwenden
new-study-no-project = Noch kein Projekt gewählt.
new-study-reading-project = Das Projekt wird gelesen …
new-study-project-summary = { $files ->
    [one] { $project }: ein oTree-Projekt, 1 Datei, { $size }.
   *[other] { $project }: ein oTree-Projekt, { $files } Dateien, { $size }.
}
new-study-project-needs-version = Es braucht oTree { $version } (requirements.txt: { $requirement }).
new-study-project-needs = Es braucht oTree (requirements.txt: { $requirement }).
new-study-project-added = Hinzugefügt, weil Heroku es braucht: { $added }.
new-study-project-left-out = Weggelassen (nicht für Heroku): { $left_out }.
new-study-name-title = 2. Der Name der App
new-study-name-label = Name der neuen Heroku-App
new-study-name-rules-address = Kleinbuchstaben, Ziffern und Bindestriche; 3 bis 30 Zeichen. Die Teilnehmer sehen den Namen in der Adresse der Studie.
new-study-name-rules = Kleinbuchstaben, Ziffern und Bindestriche; 3 bis 30 Zeichen.
new-study-name-checking = Wird bei Heroku geprüft …
new-study-region-title = 3. Wo der Server läuft
new-study-region-label = Region
new-study-region-eu = Europa
new-study-region-eu-why = für Teilnehmer in Europa: schnellere Seiten, und die Daten bleiben in der EU (DSGVO).
new-study-region-us = USA
new-study-region-us-why = für Teilnehmer in Nord- und Südamerika.
new-study-papertrail = Den kostenlosen Plan von Papertrail hinzufügen: ein durchsuchbares Log der letzten Tage, um Fehler zu finden
new-study-owner-title = 4. Wem die App gehört und wer sie bezahlt
new-study-owner-label = Eigentümer
new-study-owner-own = Ihr eigenes Konto
new-study-owner-own-why = wird Ihnen berechnet; Sie laden die Personen ein, die mithelfen.
new-study-owner-team = Das Team { $team }
new-study-owner-team-why = wird dem Team berechnet; seine Mitglieder sehen die App.
new-study-continue = Weiter
new-study-back = Zurück

# Was angelegt wird und was es kostet
new-study-confirm-title = Was angelegt wird
new-study-confirm-app = { $region ->
    [eu] Die Heroku-App { $app } in Europa
   *[other] Die Heroku-App { $app } in den USA
}
new-study-confirm-app-team = { $region ->
    [eu] Die Heroku-App { $app } in Europa, im Besitz des Teams { $team }
   *[other] Die Heroku-App { $app } in den USA, im Besitz des Teams { $team }
}
new-study-confirm-cost = { $what }: { $price }
new-study-confirm-total = Insgesamt etwa { $price }
new-study-confirm-billed = { $total }, von Heroku stundenweise Ihrem Konto berechnet, solange die App besteht. Skalieren Sie den Dyno auf 0 oder löschen Sie die App, wenn die Studie vorbei ist; dann fallen keine weiteren Kosten an.
new-study-confirm-billed-team = { $total }, von Heroku stundenweise dem Team { $team } berechnet, solange die App besteht. Skalieren Sie den Dyno auf 0 oder löschen Sie die App, wenn die Studie vorbei ist; dann fallen keine weiteren Kosten an.
new-study-confirm-project = Ihr Projekt { $project } wird hochgeladen und gebaut, und oTree wird in den Produktionsmodus versetzt, mit einem Admin-Passwort, das Novaland erzeugt und Ihnen einmal anzeigt.
new-study-create = Studie anlegen

# Die Schritte, während die Studie angelegt wird
new-study-creating = { $app } wird angelegt
new-study-finishing = { $app } wird fertiggestellt
new-study-step-app = Heroku-App anlegen
new-study-step-database = Heroku Postgres (essential-0) hinzufügen und warten, bis die Datenbank bereit ist
new-study-step-papertrail = Papertrail hinzufügen (kostenloser Plan)
new-study-step-settings = Produktionseinstellungen von oTree und ein Admin-Passwort setzen
new-study-step-deploy = Projekt hochladen und von Heroku bauen lassen
new-study-step-start = Einen Basic-Web-Dyno starten
new-study-step-answer = Warten, bis die Studie antwortet
new-study-state-running = läuft
new-study-state-done = fertig
new-study-state-failed = fehlgeschlagen
new-study-upload-label = Hochladen
new-study-build-output-label = Build-Ausgabe von Heroku
new-study-cancel = Abbrechen

# Die Studie läuft
new-study-runs-at = Ihre Studie { $app } läuft unter { $url }.
new-study-runs = Ihre Studie { $app } läuft.
new-study-password-note = { $password } (Benutzername admin). Notieren Sie es jetzt: Es wird hier nur einmal angezeigt. Sie finden es später wieder unter Ressourcen, Config Vars, OTREE_ADMIN_PASSWORD, Anzeigen.
new-study-password = Das Admin-Passwort von oTree
new-study-copy = Kopieren
new-study-copied = Kopiert
new-study-selected = Markiert: Drücken Sie Strg+C
new-study-open-overview = Übersicht öffnen

# Ein Schritt ist fehlgeschlagen
new-study-open-billing = Abrechnungsseite von Heroku öffnen
new-study-remove-intro = Oder entfernen Sie alles, was angelegt wurde (die App, ihre Datenbank und Add-ons; sonst nichts in Ihrem Konto):
new-study-remove-action = Neue App entfernen
new-study-removed = Die App { $app } und alles darauf wurden entfernt.
new-study-start-again = Neu beginnen
new-study-change-and-retry = Ändern und erneut versuchen

# „Neue Version einspielen“ in der Übersicht (ui/cards/deploy.js)
deploy-title = Neue Version einspielen
deploy-intro = Ersetzen Sie den Code der Studie durch eine neue Version Ihres oTree-Projekts. Die Studie startet neu (einige Sekunden); ihre Daten bleiben erhalten. Zur vorherigen Version kommen Sie unter Ressourcen, Releases zurück.
deploy-choose-otreezip = .otreezip-Datei wählen …
deploy-choose-folder = Projektordner wählen …
deploy-use-example = Beispielstudie verwenden
deploy-drop = Oder ziehen Sie die .otreezip-Datei oder den Projektordner auf dieses Fenster.
deploy-reading-project = Das Projekt wird gelesen …
deploy-project-summary = { $files ->
    [one] { $project }: 1 Datei, { $size }, { $requirement }.
   *[other] { $project }: { $files } Dateien, { $size }, { $requirement }.
}
deploy-project-added = Hinzugefügt, weil Heroku es braucht: { $added }.
deploy-project-left-out = Weggelassen: { $left_out }.
deploy-looking = Die laufende Studie wird geprüft …
deploy-before = Bevor Sie die Version einspielen
deploy-warn-participants = { $requests ->
    [one] Gerade nutzen Teilnehmer die Studie (1 Seitenaufruf in den letzten 10 Minuten). Der Neustart unterbricht sie für einige Sekunden; eine Seite, die gerade lädt, zeigt einen Fehler. Spielen Sie die Version nach Möglichkeit zwischen zwei Sitzungen ein.
   *[other] Gerade nutzen Teilnehmer die Studie ({ $requests } Seitenaufrufe in den letzten 10 Minuten). Der Neustart unterbricht sie für einige Sekunden; eine Seite, die gerade lädt, zeigt einen Fehler. Spielen Sie die Version nach Möglichkeit zwischen zwei Sitzungen ein.
}
deploy-warn-otree = Die oTree-Version ändert sich: Die Studie läuft mit oTree { $running }, das neue Projekt braucht { $new_version }.
deploy-warn-models = Haben Sie Modelle geändert (neue oder umbenannte Felder in einer models.py oder __init__.py)? Dann braucht oTree eine leere Datenbank: Nutzen Sie nach dem Einspielen { $link }; dabei wird zuerst alles gesichert. Novaland setzt nie von sich aus etwas zurück.
deploy-warn-models-link = Postgres, Datenbank zurücksetzen
deploy-go = Diese Version einspielen
deploy-upload-label = Hochladen
deploy-build-output-label = Build-Ausgabe von Heroku
deploy-uploading = Das Projekt wird hochgeladen …
deploy-cancel = Abbrechen
deploy-building = Heroku baut das Projekt …
deploy-done = Die neue Version läuft. Die Liste der Releases zeigt sie; um zurückzukehren, wechseln Sie zum vorherigen Release zurück.
deploy-failed-keeps-running = Die Version, die vorher lief, läuft weiter.
