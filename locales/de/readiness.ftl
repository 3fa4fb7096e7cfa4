# Die Prüfung vor einer Sitzung im Bereich Metriken (src-tauri/core/src/metrics/readiness.rs):
# Titel jeder Prüfung, warum sie wichtig ist, was gefunden wurde, und ihr Knopf zum Beheben,
# in der Reihenfolge der Seite.

# Metriken, Prüfung vor einer Sitzung: die Datenbank
readiness-postgres-title = Eine Datenbank mit Platz
readiness-postgres-why = oTree speichert alle Teilnehmerdaten in Postgres; ist die Datenbank voll, werden neue Daten abgewiesen.
readiness-postgres-found-none = Keine Heroku-Postgres-Datenbank.
readiness-postgres-found-full = Die Datenbank ist zu { $percent } % voll.
readiness-postgres-found-room = Zu { $percent } % voll.
readiness-postgres-found-no-limit = Vorhanden (ihr Plan hat keine Zeilengrenze).
readiness-postgres-fix = Heroku Postgres hinzufügen (essential-0, 5 $/Monat)

# Metriken, Prüfung vor einer Sitzung: Produktionsmodus
readiness-production-title = oTree im Produktionsmodus
readiness-production-why = Ohne ihn sehen Teilnehmende bei einem Fehler die Debug-Seite von oTree mit Ihrem Code.
readiness-production-found-unset = OTREE_PRODUCTION ist nicht gesetzt.
readiness-production-found = OTREE_PRODUCTION ist { $value }.
readiness-production-fix = OTREE_PRODUCTION auf 1 setzen

# Metriken, Prüfung vor einer Sitzung: das Admin-Passwort
readiness-admin-password-title = Ein Admin-Passwort
readiness-admin-password-why = Ohne Passwort kann jeder die Admin-Seiten von oTree öffnen und Ihre Daten sehen oder löschen.
readiness-admin-password-found-set = Gesetzt.
readiness-admin-password-found-unset = OTREE_ADMIN_PASSWORD ist nicht gesetzt.
readiness-admin-password-fix = Ein sicheres Passwort setzen

# Metriken, Prüfung vor einer Sitzung: gesperrte Admin-Seiten
readiness-auth-level-title = Admin-Seiten gesperrt (STUDY)
readiness-auth-level-why = STUDY hält die Demo- und Admin-Seiten von Teilnehmenden fern.
readiness-auth-level-found-unset = OTREE_AUTH_LEVEL ist nicht gesetzt.
readiness-auth-level-found = OTREE_AUTH_LEVEL ist { $value }.
readiness-auth-level-fix = OTREE_AUTH_LEVEL auf STUDY setzen

# Metriken, Prüfung vor einer Sitzung: ein Web-Dyno
readiness-web-dyno-title = Genau ein Web-Dyno, aktiv
readiness-web-dyno-why = oTree hält Gruppen und Warteseiten in einem Prozess: ein Web-Dyno, der läuft.
readiness-web-dyno-found-none = Es läuft kein Web-Dyno: Niemand kann die Studie öffnen.
readiness-web-dyno-fix-start = Einen Web-Dyno starten
readiness-web-dyno-found-crashed = Der Web-Dyno ist abgestürzt.
readiness-web-dyno-fix-restart = App neu starten
readiness-web-dyno-found-up = Ein Web-Dyno ({ $size }), aktiv.
readiness-web-dyno-found-several = { $count } Web-Dynos: oTree braucht genau einen.
readiness-web-dyno-fix-one = Einen Web-Dyno verwenden

# Metriken, Prüfung vor einer Sitzung: kein Eco-Dyno
readiness-not-eco-title = Kein schlafender Eco-Dyno
readiness-not-eco-why = Eco-Dynos schlafen nach 30 Minuten ohne Besuch; die ersten Teilnehmenden müssen dann warten, und Warteseiten können hängen bleiben.
readiness-not-eco-found = Der Web-Dyno ist { $size }.
readiness-not-eco-fix = Einen Basic-Dyno verwenden (7 $/Monat)

# Metriken, Prüfung vor einer Sitzung: kein Absturz
readiness-no-crash-title = Kein Absturz in der letzten Stunde
readiness-no-crash-why = Ein Absturz heißt, dass Teilnehmende Fehlerseiten gesehen haben; finden Sie den Grund vor einer Sitzung heraus.
readiness-no-crash-found = { $count ->
    [one] 1 Anfrage traf in der letzten Stunde auf eine abgestürzte App (H10). Den Grund zeigt der Reiter „Fehler“ im Bereich Logs und Fehler.
   *[other] { $count } Anfragen trafen in der letzten Stunde auf eine abgestürzte App (H10). Den Grund zeigt der Reiter „Fehler“ im Bereich Logs und Fehler.
}
readiness-no-crash-found-none = Keiner gesehen.

# Metriken, Prüfung vor einer Sitzung: Backups
readiness-backups-title = Tägliche Backups
readiness-backups-why = Wenn etwas schiefgeht, ist das Backup von gestern der Stand, zu dem Sie zurückkehren können.
readiness-backups-found-scheduled = Geplant.
readiness-backups-found-none = Es ist kein tägliches Backup geplant.
readiness-backups-fix = Jeden Tag um 02:00 Uhr sichern

# Metriken, Prüfung vor einer Sitzung: Papertrail
readiness-papertrail-title = Papertrail (empfohlen)
readiness-papertrail-why = Bewahrt das Log tagelang auf, sodass sich ein Fehler in der Nacht noch nachlesen lässt.
readiness-papertrail-found-present = Vorhanden.
readiness-papertrail-found-none = Nicht hinzugefügt.
readiness-papertrail-fix = Papertrail hinzufügen (kostenloser Plan)

# Metriken, Prüfung vor einer Sitzung: Sentry
readiness-sentry-title = Sentry (empfohlen)
readiness-sentry-why = Sammelt jeden Fehler zusammen mit der Seite und der teilnehmenden Person, bei der er auftrat.
readiness-sentry-found-set = SENTRY_DSN ist gesetzt.
readiness-sentry-found-none = Kein SENTRY_DSN.
readiness-sentry-fix = Sentry hinzufügen (kostenloser Plan)

# Metriken, Prüfung vor einer Sitzung: Arbeitsspeicher
readiness-memory-title = Genug Arbeitsspeicher
readiness-memory-why = Ein Dyno ohne freien Arbeitsspeicher wird langsam (R14) und dann neu gestartet (R15).
readiness-memory-found = Arbeitsspeicher bei { $percent } % des Kontingents des Dynos.
readiness-memory-fix-bigger = Einen Standard-2X-Dyno verwenden (1 GB)
readiness-memory-found-off = Keine Speicherwerte: Die Laufzeitmetriken von Heroku sind ausgeschaltet.
readiness-memory-fix-metrics = Detaillierte Metriken einschalten (startet die App neu)
readiness-memory-found-waiting = Noch keine Speicherwerte; sie kommen alle 20 Sekunden, solange die App läuft.
