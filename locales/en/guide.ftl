# The first-run guide (ui/screens/guide.js): welcome, Heroku account, API key, the study's app.

# Welcome
guide-welcome-title = Welcome to Novaland
guide-welcome-intro = Novaland shows your oTree study's server on Heroku at a glance: whether it runs, what it costs, and your participants' data. You set it up once; it takes about three minutes.
guide-door-have-account = I have a Heroku account
guide-door-have-account-detail = Connect it with your API key.
guide-door-no-account = I don't have one yet
guide-door-no-account-detail = We'll open Heroku's sign-up page.
guide-door-practice = Explore without an account
guide-door-practice-detail = Practice on a made-up study. Nothing real is touched.
guide-practice-empty = Or practise setting up a study from nothing: { $link }, where Novaland's example study is created and deployed on a simulated Heroku.
guide-practice-empty-link = an empty practice account
guide-opening-empty-practice = Opening an empty practice account…
guide-opening-practice = Opening the practice study…

# The setup steps above each page of the guide
guide-steps-label = Setup steps
guide-step-account = Heroku account
guide-step-key = API key
guide-step-app = Your study's app

# Step 1: create a Heroku account
guide-create-title = Create your Heroku account
guide-create-click = Click the button below: Heroku's sign-up page opens in your browser.
guide-create-fill-in = Fill in your name and e-mail, choose { $student } or { $academic } as your role, and confirm the e-mail Heroku sends you.
guide-create-role-student = Student
guide-create-role-academic = Academic
guide-create-mfa = Heroku asks you to turn on multi-factor authentication; follow its steps.
guide-create-come-back = Come back here and click { $button }.
guide-create-open-signup = Open Heroku's sign-up page
guide-create-have-account = I have my account
guide-back = Back

# Step 2: the API key
guide-key-title = Connect your Heroku account
guide-key-help = Novaland talks to Heroku with your account's API key. It is checked with Heroku, then kept only in this computer's keychain; you paste it once.
guide-key-open-settings = { $link } (log in if Heroku asks).
guide-key-open-settings-link = Open your Heroku account settings
guide-key-reveal = Scroll down to { $section } and click { $button }.
guide-key-heroku-api-key = API Key
guide-key-heroku-reveal = Reveal
guide-key-paste = Copy the key, come back here and paste it below.
guide-key-label = Your Heroku API key
guide-key-placeholder = Paste your API key here
guide-key-show = Show
guide-key-hide = Hide
guide-key-check = Check and save
guide-key-checking = Checking the key with Heroku…
guide-key-signed-in = Signed in as { $email }. Your key is kept in this computer's keychain.

# Step 3: pick the study's app
guide-pick-title = Which app runs your study?
guide-pick-intro = These are the Heroku apps your account can use, your own and your teams'. Pick the one your participants open.
guide-pick-filter-placeholder = Type to find an app
guide-pick-filter-label = Find an app
guide-pick-loading = Loading your apps…
guide-pick-no-apps = This Heroku account has no apps yet. Novaland can create one for your study and deploy your oTree project to it.
guide-pick-create-study = Create a new study…
guide-pick-refresh = Refresh
guide-pick-no-match = No app matches.
guide-pick-app-team = team { $team } · region { $region }
guide-pick-app-personal = personal · region { $region }
guide-pick-new-study = A study that is not on Heroku yet? { $link }.
guide-pick-new-study-link = Create a new study
