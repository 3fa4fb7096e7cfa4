# Die Einführung beim ersten Start (ui/screens/guide.js): Willkommen, Heroku-Konto, API-Key,
# die App der Studie.

# Willkommen
guide-welcome-title = Willkommen bei Novaland
guide-welcome-intro = Novaland zeigt Ihnen den Server Ihrer oTree-Studie auf Heroku auf einen Blick: ob er läuft, was er kostet und die Teilnehmerdaten. Sie richten es einmal ein; das dauert etwa drei Minuten.
guide-door-have-account = Ich habe ein Heroku-Konto
guide-door-have-account-detail = Verbinden Sie es mit Ihrem API-Key.
guide-door-no-account = Ich habe noch keins
guide-door-no-account-detail = Wir öffnen die Registrierungsseite von Heroku.
guide-door-practice = Ohne Konto ausprobieren
guide-door-practice-detail = Üben Sie an einer erfundenen Studie. Nichts Echtes wird verändert.
guide-practice-empty = Oder üben Sie, eine Studie von Grund auf einzurichten: { $link }, in dem die Beispielstudie von Novaland auf einem simulierten Heroku angelegt und eingespielt wird.
guide-practice-empty-link = ein leeres Übungskonto
guide-opening-empty-practice = Leeres Übungskonto wird geöffnet …
guide-opening-practice = Übungsstudie wird geöffnet …

# Die Schritte der Einrichtung über jeder Seite der Einführung
guide-steps-label = Schritte der Einrichtung
guide-step-account = Heroku-Konto
guide-step-key = API-Key
guide-step-app = Die App Ihrer Studie

# Schritt 1: ein Heroku-Konto anlegen
guide-create-title = Legen Sie Ihr Heroku-Konto an
guide-create-click = Klicken Sie auf die Schaltfläche unten: Die Registrierungsseite von Heroku öffnet sich in Ihrem Browser.
guide-create-fill-in = Tragen Sie Ihren Namen und Ihre E-Mail-Adresse ein, wählen Sie als Rolle { $student } oder { $academic } und bestätigen Sie die E-Mail, die Heroku Ihnen schickt.
guide-create-role-student = Student
guide-create-role-academic = Academic
guide-create-mfa = Heroku bittet Sie, die Mehr-Faktor-Authentifizierung einzuschalten; folgen Sie den Schritten dort.
guide-create-come-back = Kommen Sie hierher zurück und klicken Sie auf { $button }.
guide-create-open-signup = Registrierungsseite von Heroku öffnen
guide-create-have-account = Ich habe mein Konto
guide-back = Zurück

# Schritt 2: der API-Key
guide-key-title = Verbinden Sie Ihr Heroku-Konto
guide-key-help = Novaland spricht mit Heroku über den API-Key Ihres Kontos. Er wird bei Heroku geprüft und dann nur im Schlüsselbund dieses Computers aufbewahrt; Sie fügen ihn einmal ein.
guide-key-open-settings = { $link } (melden Sie sich an, falls Heroku danach fragt).
guide-key-open-settings-link = Öffnen Sie Ihre Kontoeinstellungen bei Heroku
guide-key-reveal = Scrollen Sie nach unten zu { $section } und klicken Sie auf { $button }.
guide-key-heroku-api-key = API Key
guide-key-heroku-reveal = Reveal
guide-key-paste = Kopieren Sie den Key, kommen Sie hierher zurück und fügen Sie ihn unten ein.
guide-key-label = Ihr Heroku-API-Key
guide-key-placeholder = API-Key hier einfügen
guide-key-show = Anzeigen
guide-key-hide = Verbergen
guide-key-check = Prüfen und speichern
guide-key-checking = Der Key wird bei Heroku geprüft …
guide-key-signed-in = Angemeldet als { $email }. Ihr Key wird im Schlüsselbund dieses Computers aufbewahrt.

# Schritt 3: die App der Studie wählen
guide-pick-title = Auf welcher App läuft Ihre Studie?
guide-pick-intro = Das sind die Heroku-Apps, die Ihr Konto nutzen kann, Ihre eigenen und die Ihrer Teams. Wählen Sie die, die Ihre Teilnehmer aufrufen.
guide-pick-filter-placeholder = Tippen, um eine App zu finden
guide-pick-filter-label = App suchen
guide-pick-loading = Ihre Apps werden geladen …
guide-pick-no-apps = Dieses Heroku-Konto hat noch keine Apps. Novaland kann eine für Ihre Studie anlegen und Ihr oTree-Projekt darauf einspielen.
guide-pick-create-study = Neue Studie anlegen …
guide-pick-refresh = Aktualisieren
guide-pick-no-match = Keine App passt.
guide-pick-app-team = Team { $team } · Region { $region }
guide-pick-app-personal = persönlich · Region { $region }
guide-pick-new-study = Eine Studie, die noch nicht auf Heroku ist? { $link }.
guide-pick-new-study-link = Neue Studie anlegen
