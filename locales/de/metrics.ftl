# Metriken (ui/screens/metrics.js). Die Titel der Diagramme und die Punkte der Prüfung kommen
# aus Rust (core.ftl).

metrics-title = Metriken

# Bereit für eine Sitzung?
metrics-readiness-title = Bereit für eine Sitzung?
metrics-readiness-intro = Führen Sie diese Prüfung vor jeder Sitzung aus. Bei jedem Punkt steht, warum er wichtig ist; wo Heroku es erlaubt, behebt ein Klick das Problem.
metrics-summary-problems = { $count ->
    [one] 1 Problem ist zu beheben, bevor die Teilnehmenden kommen.
   *[other] { $count } Probleme sind zu beheben, bevor die Teilnehmenden kommen.
}
metrics-summary-warnings = { $count ->
    [one] Bereit, mit 1 Warnung.
   *[other] Bereit, mit { $count } Warnungen.
}
metrics-summary-ready = Bereit.
metrics-checking = Wird geprüft …
metrics-state-pass = OK
metrics-state-warn = Warnung
metrics-state-fail = Zu beheben
# Ein Punkt: sein Titel (fett) und was gefunden wurde.
metrics-check-found = { $title } – { $found }
metrics-working = Wird ausgeführt …
metrics-check-again = Erneut prüfen

# Diagramme
metrics-charts-title = Wie es dem Server geht
metrics-last-hour = Letzte Stunde
metrics-last-day = Letzte 24 Stunden
# $source sagt, woher die Zahlen stammen (ein ganzer Satz).
metrics-source = Quelle: { $source } Daten aus { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } in diesem Zeitraum.
metrics-runtime-off = Die Diagramme zu Arbeitsspeicher und Last brauchen die Runtime-Metriken von Heroku, die für diese App ausgeschaltet sind. { $button }
metrics-runtime-turn-on = Detaillierte Metriken einschalten
metrics-runtime-explained = Heroku schreibt dann alle 20 Sekunden Arbeitsspeicher und Last jedes Dynos ins Log. Das Einschalten startet die App neu (etwa eine Minute; wer gerade eine Seite der Studie geöffnet hat, muss sie dann neu laden).
metrics-runtime-yes = Einschalten und neu starten
metrics-runtime-cancel = Abbrechen
metrics-runtime-on = Detaillierte Metriken sind eingeschaltet; die App startet neu, und Arbeitsspeicher und Last erscheinen innerhalb einer Minute.
