# Die Seite Logs und Fehler (ui/screens/logs.js) und ihre Reiter: Fehler (logs/errors.js),
# Papertrail (logs/papertrail.js), Sentry (logs/sentry.js).

# Seite Logs: Überschrift, Verbindungsstand und Reiter
logs-title = Logs und Fehler
logs-state-connecting = Verbindung wird hergestellt …
logs-state-live = Verbunden
logs-state-live-reconnected = Verbunden ({ $count }× neu verbunden)
logs-state-reconnecting = Neue Verbindung in { $seconds } s
logs-state-stopped = Angehalten
logs-tab-live = Live-Log
logs-tab-errors = Fehler
logs-tab-errors-count = Fehler ({ $count })
logs-tab-papertrail = Papertrail
logs-tab-sentry = Sentry

# Live-Log: Suche und Filter
logs-search = Log durchsuchen
logs-source-label = Welche Zeilen
logs-source-everything = Alles
logs-source-app = Ihre App (oTree)
logs-source-router = Router von Heroku (Anfragen)
logs-source-platform = Plattform von Heroku (Dynos, Arbeitsspeicher)
logs-source-api = Releases und Einstellungen
logs-dyno-label = Welcher Dyno
logs-dyno-all = Alle Dynos
logs-dyno-all-of-type = Alle { $type }-Dynos
logs-errors-only = Nur Fehler
logs-pause = Anhalten
logs-resume = Fortsetzen
logs-resume-new = Fortsetzen ({ $count } neu)
logs-save = In einer Datei speichern
logs-count = { $kept ->
    [one] Treffer: { $matching } von 1 gesammelten Zeile
   *[other] Treffer: { $matching } von { $kept } gesammelten Zeilen
}
logs-saved = { $count ->
    [one] 1 Zeile gespeichert in { $path }
   *[other] { $count } Zeilen gespeichert in { $path }
}
logs-lines-label = Das Log, neueste Zeilen unten

# Live-Log: die Zeilen (Spalte der Quelle, Anfragen, Tracebacks)
logs-tag-app = app
logs-tag-router = router
logs-tag-platform = heroku
logs-tag-api = releases
logs-tag-other = sonstige
logs-request-time = in { $ms } ms
logs-traceback-incomplete = Ein Fehler (seine letzte Zeile ist nicht angekommen)
logs-traceback-location = in { $location }

# Live-Log: was ein erklärter Heroku-Code anbietet
logs-action-start-web = Einen Web-Dyno starten
logs-action-start-web-done = Ein Web-Dyno startet; Teilnehmende können in einer Minute hinein.
logs-action-restart = App neu starten
logs-action-restart-done = Startet neu; das dauert etwa eine Minute.
logs-action-end-maintenance = Wartungsmodus beenden
logs-action-end-maintenance-done = Der Wartungsmodus ist aus.
logs-action-show-memory = Arbeitsspeicher unter „Metriken“ ansehen
logs-action-show-crash = Zeigen, was den Absturz verursacht hat

# Reiter Fehler
logs-errors-intro = Fehler im Log, seit diese Seite geöffnet wurde (und in den Zeilen, die Heroku noch hatte), nach Art gruppiert. Sentry zeigt, wenn verbunden, dasselbe aus dem Inneren der Studie.
logs-errors-none = Keine Fehler im Log. Gut so.
logs-errors-column-what = Was
logs-errors-column-times = Anzahl
logs-errors-column-first = Zuerst gesehen
logs-errors-column-last = Zuletzt gesehen
logs-errors-kind-python = Python
logs-errors-kind-crash = Absturz
logs-errors-kind-heroku = Heroku
logs-errors-latest-example = Letztes Beispiel

# Reiter Papertrail
papertrail-intro = Papertrail bewahrt das Log tagelang auf; Heroku behält nur die letzten 1.500 Zeilen. Die Zeiten sind die Ihres Computers.
papertrail-search-placeholder = Im Verlauf von Papertrail suchen
papertrail-search-label = Papertrail durchsuchen
papertrail-from = Von
papertrail-to = bis
papertrail-to-label = Bis
papertrail-search = Suchen
papertrail-open = Papertrail öffnen
papertrail-searching = Papertrail wird durchsucht …
papertrail-found-more = { $count ->
    [one] 1 Zeile gefunden; ältere können geladen werden.
   *[other] { $count } Zeilen gefunden; ältere können geladen werden.
}
papertrail-found-all = { $count ->
    [one] 1 Zeile gefunden, bis zum Anfang.
   *[other] { $count } Zeilen gefunden, bis zum Anfang.
}
papertrail-nothing = Nichts gefunden.
papertrail-older = Ältere Zeilen
papertrail-results-label = Ergebnisse von Papertrail

# Reiter Sentry: einen Token verbinden
sentry-intro = Diese App meldet Fehler an Sentry ({ $project }). Um sie hier zu sehen, verbinden Sie einen Sentry-Auth-Token. Der Token wird geprüft und dann im Schlüsselbund dieses Computers aufbewahrt.
sentry-step-open = Öffnen Sie in Sentry Settings → Account → API → Personal Tokens (oder User Auth Tokens).
sentry-step-create = Erstellen Sie einen Token mit den Scopes project:read und event:read und kopieren Sie ihn.
sentry-step-paste = Fügen Sie ihn hier ein und klicken Sie auf „Verbinden“.
sentry-practice-token = Übungsmodus: Verwenden Sie den Token { $token }.
sentry-confirm-host = { $host } ist nicht sentry.io. Meinen Sentry-Token dorthin senden: Es ist der eigene Sentry-Server meines Labors. (Wenn Sie diese Adresse nicht kennen, lassen Sie das Kästchen leer: Wer die Einstellung SENTRY_DSN der App gesetzt hat, bekäme Ihren Token.)
sentry-token-label = Sentry-Auth-Token
sentry-connect = Verbinden
sentry-without-token = Auch ohne Token gruppiert der Reiter „Fehler“ die Fehler aus dem Log.

# Reiter Sentry: die Probleme und ein Stacktrace
sentry-loading = Sentry wird gefragt …
sentry-issues-count = { $count ->
    [one] 1 ungelöstes Problem in Sentry ({ $project }).
   *[other] { $count } ungelöste Probleme in Sentry ({ $project }).
}
sentry-disconnect = Trennen
sentry-column-issue = Problem
sentry-column-where = Wo
sentry-column-events = Ereignisse
sentry-column-participants = Teilnehmende
sentry-column-last-seen = Zuletzt gesehen
sentry-where-failed = Wo es fehlschlug
sentry-open-issue = In Sentry öffnen
sentry-trace-loading = Sentry wird gefragt, wo „{ $title }“ fehlschlug …
sentry-trace-none = Sentry hat für diesen Fehler keinen Stacktrace.
sentry-frame = { $shape ->
    [line-function] { $file }, Zeile { $line } in { $function_name }
    [line] { $file }, Zeile { $line }
    [function] { $file } in { $function_name }
   *[file] { $file }
}
sentry-frame-own = Code Ihrer Studie
sentry-frame-library = (oTree oder eine Bibliothek)
