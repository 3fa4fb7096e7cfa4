# Die Fehlercodes von Heroku, wie der Bereich „Logs und Fehler“ sie erklärt
# (src-tauri/core/src/logs/codes.rs): ein Titel und eine Zeile dazu, was das für die Studie
# bedeutet und was zu tun ist.

# Logs und Fehler: HTTP-Fehler (H-Codes)
code-h10-title = App abgestürzt
code-h10-explanation = Der Server der Studie ist abgestürzt, daher sehen Teilnehmende eine Fehlerseite. Der Fehler, der den Absturz ausgelöst hat, steht meist direkt vor dieser Zeile.
code-h11-title = Warteschlange zu lang
code-h11-explanation = Zu viele Teilnehmende gleichzeitig: Anfragen haben zu lange in der Warteschlange gewartet. Nehmen Sie einen größeren Dyno oder starten Sie die Sitzungen zeitversetzt.
code-h12-title = Zeitüberschreitung der Anfrage
code-h12-explanation = Eine Seite hat länger als 30 Sekunden gebraucht und die Person hat eine Fehlermeldung bekommen. Meist ist langsamer Code in einer Seite (oder die Datenbank) die Ursache; wenn es wieder vorkommt, sehen Sie sich den Traceback an oder nehmen Sie einen größeren Dyno.
code-h13-title = Verbindung ohne Antwort geschlossen
code-h13-explanation = Der Server hat eine Anfrage abgebrochen, ohne zu antworten, oft weil ihm der Arbeitsspeicher ausging oder er neu gestartet wurde. Meist hilft ein Neustart.
code-h14-title = Keine Web-Dynos aktiv
code-h14-explanation = Es läuft kein Web-Dyno, daher kann niemand die Studie öffnen. Starten Sie einen Web-Dyno.
code-h15-title = Inaktive Verbindung
code-h15-explanation = Eine Verbindung war 55 Sekunden lang untätig und wurde geschlossen. Für die meisten Studien harmlos.
code-h18-title = Anfrage vom Server abgebrochen
code-h18-explanation = Der Server hat eine Anfrage vorzeitig beendet, oft während eines Neustarts. Wenn es wieder vorkommt, starten Sie die App neu.
code-h19-title = Zeitüberschreitung beim Verbindungsaufbau
code-h19-explanation = Der Server war zu ausgelastet, um eine Anfrage innerhalb von 5 Sekunden anzunehmen. Nehmen Sie einen größeren Dyno oder lassen Sie weniger Teilnehmende gleichzeitig zu.
code-h20-title = Zeitüberschreitung beim Start der App
code-h20-explanation = Der Server hat länger als 75 Sekunden zum Starten gebraucht. Starten Sie ihn neu; wenn es wieder vorkommt, steht der Grund im Log direkt davor.
code-h21-title = Verbindung abgelehnt
code-h21-explanation = Der Server hat eine Verbindung abgelehnt, meist während er neu startet.
code-h27-title = Anfrage vom Browser abgebrochen
code-h27-explanation = Eine teilnehmende Person hat die Seite geschlossen oder die Verbindung verloren, bevor die Seite geladen war. Harmlos.
code-h80-title = Wartungsmodus
code-h80-explanation = Die App ist im Wartungsmodus, daher sehen Teilnehmende die Wartungsseite von Heroku. Schalten Sie den Wartungsmodus aus, um sie hereinzulassen.
code-h81-title = Leere App
code-h81-explanation = In diese App wurde noch nichts eingespielt.
code-h82-title = Eco-Dyno-Stunden aufgebraucht
code-h82-explanation = Die kostenlosen Eco-Stunden des Kontos für diesen Monat sind aufgebraucht, daher schläft die Studie. Stellen Sie den Dyno auf Basic um oder warten Sie bis zum nächsten Monat.
code-h99-title = Plattformfehler
code-h99-explanation = Heroku selbst hatte ein Problem, nicht Ihre Studie. Sehen Sie auf status.heroku.com nach.

# Logs und Fehler: Laufzeitfehler (R-Codes)
code-r10-title = Zeitüberschreitung beim Start
code-r10-explanation = Der Server war nach 60 Sekunden noch nicht erreichbar und wurde gestoppt. Starten Sie ihn neu; wenn es wieder vorkommt, steht der Grund im Log direkt davor.
code-r12-title = Zeitüberschreitung beim Beenden
code-r12-explanation = Ein Dyno hat sich 30 Sekunden nach der Aufforderung noch nicht beendet und wurde abgebrochen. Meist harmlos.
code-r13-title = Verbindungsfehler
code-r13-explanation = Ein einmaliger Befehl konnte keine Verbindung herstellen. Versuchen Sie es noch einmal.
code-r14-title = Speicherkontingent überschritten
code-r14-explanation = Der Server braucht mehr Arbeitsspeicher, als sein Dyno hat, und wird langsamer. Sehen Sie sich den Speicher im Bereich Metriken an; nehmen Sie einen größeren Dyno, wenn er hoch bleibt.
code-r15-title = Speicherkontingent weit überschritten
code-r15-explanation = Der Server hat viel zu viel Arbeitsspeicher gebraucht und wurde gestoppt. Nehmen Sie einen größeren Dyno; den Speicher sehen Sie im Bereich Metriken.
code-r16-title = Getrennt
code-r16-explanation = Ein einmaliger Befehl hat sein Terminal verloren. Harmlos.
code-r17-title = Prüfsummenfehler
code-r17-explanation = Eine Datei, die Heroku heruntergeladen hat, war beschädigt. Spielen Sie die Studie noch einmal ein.

# Logs und Fehler: Fehler beim Loggen (L-Codes)
code-l10-title = Puffer des Log-Drains übergelaufen
code-l10-explanation = Log-Zeilen kamen schneller, als ein Log-Add-on sie annehmen konnte; dort fehlen einige Zeilen (nicht in Ihren Daten).
code-l11-title = Puffer der Live-Ansicht übergelaufen
code-l11-explanation = Log-Zeilen kamen schneller, als diese Ansicht sie annehmen konnte; hier fehlen einige Zeilen (nicht in Ihren Daten).
code-l12-title = Lokaler Puffer übergelaufen
code-l12-explanation = Zu viele Log-Zeilen auf einmal; einige fehlen (nicht in Ihren Daten).
code-l13-title = Fehler bei der lokalen Zustellung
code-l13-explanation = Einige Log-Zeilen konnten nicht zugestellt werden (nicht Ihre Daten).
code-l14-title = Zertifikat ungültig
code-l14-explanation = Das Zertifikat eines Log-Drains ist ungültig; dieses Add-on bekommt keine Zeilen.

# Logs und Fehler: ein Code ohne eigene Erklärung
code-other-title = Heroku-Fehler
code-other-explanation = Heroku hat einen Fehler mit diesem Code gemeldet. Die Seite „Error Codes“ im Dev Center von Heroku beschreibt ihn.
