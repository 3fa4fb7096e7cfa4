# Der Rahmen des Fensters: Kopfzeile, Navigation, Fußzeile, Updates und die Wörter, die alle
# Seiten teilen (ui/index.html, main.js, theme.js, updates.js, dom.js, format.js, i18n.js).

skip-to-content = Zum Inhalt springen
practice-banner = Übungsmodus: Dies ist eine erfundene Studie auf einem simulierten Heroku. Nichts, was Sie hier tun, berührt ein echtes Konto.
switch-app = App wechseln
sign-out = Abmelden
leave-practice = Übung beenden
starting = Wird gestartet …
screens-label = Bereiche
screen-overview = Übersicht
screen-resources = Ressourcen
screen-postgres = Postgres
screen-logs = Logs und Fehler
screen-metrics = Metriken
who-practice = Übungskonto
who-signed-in = Angemeldet als { $email }
heroku-unreachable-title = Heroku kann gerade nicht geprüft werden
heroku-unreachable-explore = Sie können Novaland trotzdem { $explore }.
heroku-unreachable-explore-link = ohne Konto ausprobieren

theme-label = Farben
theme-system = Farben: wie das System
theme-light = Farben: hell
theme-dark = Farben: dunkel
language-label = Sprache
language-system = Sprache: wie das System

version = Novaland { $version }
look-for-updates = Nach Updates suchen
update-install = Installieren und neu starten
update-later = Später
update-installing = Wird installiert … Novaland startet neu
update-ready = Novaland { $version } ist bereit.
update-ready-detail = Es ist heruntergeladen und geprüft; nichts ändert sich, bevor Sie es installieren.
update-whats-new = Neu:{ " " }
update-looking = Suche nach einer neueren Version von Novaland …
update-newest = Novaland { $version } ist die neueste Version.
update-not-set-up = Diese Kopie von Novaland wurde nicht aus einem Release gebaut und sucht deshalb nicht nach Updates.
update-close = Schließen
update-not-installed = Update nicht installiert.

app-name-label = Der Name der App
type-app-name = Geben Sie zur Bestätigung den Namen der App ein: { $app }
try-again = Erneut versuchen

size-bytes = { $count ->
    [one] 1 Byte
   *[other] { $count } Byte
}
price-free = kostenlos
price-per-month = { $dollars } $/Monat
when-unknown = unbekannt
when-just-now = gerade eben ({ $local })
when-minutes-ago = { $minutes ->
    [one] vor 1 Minute ({ $local })
   *[other] vor { $minutes } Minuten ({ $local })
}
when-hours-ago = { $hours ->
    [one] vor 1 Stunde ({ $local })
   *[other] vor { $hours } Stunden ({ $local })
}
