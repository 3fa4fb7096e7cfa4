# "New study" (ui/screens/new_study.js): an oTree project and a Heroku account become a running study.

# The form
new-study-title = A new study on Heroku
new-study-intro = Novaland creates a Heroku app for your study, gives it a database, uploads your oTree project and starts it. You need a Heroku account with a payment method; nothing is created before you confirm.
new-study-project-title = 1. Your oTree project
new-study-project-intro = The file { $command } made in your project folder (it ends in .otreezip), or the project folder itself: choose it, or drop it on this window. No project yet? Novaland's example study (a survey and a guessing game) shows how it all works.
new-study-choose-otreezip = Choose an .otreezip file…
new-study-choose-folder = Choose the project folder…
new-study-use-example = Use the example study
new-study-no-project = No project chosen yet.
new-study-reading-project = Reading the project…
new-study-project-summary = { $files ->
    [one] { $project }: an oTree project, 1 file, { $size }.
   *[other] { $project }: an oTree project, { $files } files, { $size }.
}
new-study-project-needs-version = It needs oTree { $version } (requirements.txt: { $requirement }).
new-study-project-needs = It needs oTree (requirements.txt: { $requirement }).
new-study-project-added = Added because Heroku needs it: { $added }.
new-study-project-left-out = Left out (not for Heroku): { $left_out }.
new-study-name-title = 2. The app's name
new-study-name-label = Name of the new Heroku app
new-study-name-rules-address = Small letters, digits and dashes; 3 to 30 characters. Participants see it in the study's address.
new-study-name-rules = Small letters, digits and dashes; 3 to 30 characters.
new-study-name-checking = Checking with Heroku…
new-study-region-title = 3. Where the server runs
new-study-region-label = Region
new-study-region-eu = Europe
new-study-region-eu-why = for participants in Europe: faster pages, and the data stays in the EU (GDPR).
new-study-region-us = United States
new-study-region-us-why = for participants in the Americas.
new-study-papertrail = Add Papertrail's free plan: a searchable log of the last days, for finding errors
new-study-owner-title = 4. Who owns and pays for it
new-study-owner-label = Owner
new-study-owner-own = Your own account
new-study-owner-own-why = billed to you; you invite the people who help.
new-study-owner-team = The team { $team }
new-study-owner-team-why = billed to the team; its members see the app.
new-study-continue = Continue
new-study-back = Back

# What will be created, and what it costs
new-study-confirm-title = What will be created
new-study-confirm-app = { $region ->
    [eu] The Heroku app { $app } in Europe
   *[other] The Heroku app { $app } in the United States
}
new-study-confirm-app-team = { $region ->
    [eu] The Heroku app { $app } in Europe, owned by the team { $team }
   *[other] The Heroku app { $app } in the United States, owned by the team { $team }
}
new-study-confirm-cost = { $what }: { $price }
new-study-confirm-total = In all about { $price }
new-study-confirm-billed = { $total }, billed by Heroku to your account by the hour while the app exists. Scale the dyno to 0 or delete the app when the study is over and nothing more is charged.
new-study-confirm-billed-team = { $total }, billed by Heroku to the team { $team } by the hour while the app exists. Scale the dyno to 0 or delete the app when the study is over and nothing more is charged.
new-study-confirm-project = Your project { $project } is uploaded and built, and oTree is set to production mode with an admin password that Novaland makes and shows you once.
new-study-create = Create the study

# The steps while the study is made
new-study-creating = Creating { $app }
new-study-finishing = Finishing { $app }
new-study-step-app = Create the Heroku app
new-study-step-database = Add Heroku Postgres (essential-0) and wait until it is ready
new-study-step-papertrail = Add Papertrail (free plan)
new-study-step-settings = Set oTree's production settings and an admin password
new-study-step-deploy = Upload the project and let Heroku build it
new-study-step-start = Start one Basic web dyno
new-study-step-answer = Wait until the study answers
new-study-state-running = running
new-study-state-done = done
new-study-state-failed = failed
new-study-upload-label = Upload
new-study-build-output-label = Heroku's build output
new-study-cancel = Cancel

# The study runs
new-study-runs-at = Your study { $app } runs at { $url }.
new-study-runs = Your study { $app } runs.
new-study-password-note = { $password } (user name admin). Note it now: it is shown here once. You can find it again under Resources, Settings, OTREE_ADMIN_PASSWORD, Show.
new-study-password = oTree's admin password
new-study-copy = Copy
new-study-copied = Copied
new-study-selected = Selected: press Ctrl+C
new-study-open-overview = Open the Overview

# A step failed
new-study-open-billing = Open Heroku's billing page
new-study-remove-intro = Or remove everything that was created (the app, its database and add-ons; nothing else of your account):
new-study-remove-action = Remove the new app
new-study-removed = The app { $app } and everything on it were removed.
new-study-start-again = Start again
new-study-change-and-retry = Change and try again

# "Deploy a new version" on the Overview (ui/cards/deploy.js)
deploy-title = Deploy a new version
deploy-intro = Replace the study's code with a new version of your oTree project. The study restarts (a few seconds); its data stays. You can go back to the version before under Resources, Releases.
deploy-choose-otreezip = Choose an .otreezip file…
deploy-choose-folder = Choose the project folder…
deploy-use-example = Use the example study
deploy-drop = Or drop the .otreezip file or the project folder on this window.
deploy-reading-project = Reading the project…
deploy-project-summary = { $files ->
    [one] { $project }: 1 file, { $size }, { $requirement }.
   *[other] { $project }: { $files } files, { $size }, { $requirement }.
}
deploy-project-added = Added because Heroku needs it: { $added }.
deploy-project-left-out = Left out: { $left_out }.
deploy-looking = Looking at the running study…
deploy-before = Before you deploy
deploy-warn-participants = { $requests ->
    [one] Participants are using the study right now (1 page request in the last 10 minutes). The restart interrupts them for a few seconds; a page being loaded shows an error. Deploy between sessions if you can.
   *[other] Participants are using the study right now ({ $requests } page requests in the last 10 minutes). The restart interrupts them for a few seconds; a page being loaded shows an error. Deploy between sessions if you can.
}
deploy-warn-otree = The oTree version changes: the study runs oTree { $running }, the new project needs { $new_version }.
deploy-warn-models = Did you change models (new or renamed fields in a models.py or __init__.py)? Then oTree needs an empty database: after the deploy, use { $link }, which saves everything first. Novaland never resets on its own.
deploy-warn-models-link = Postgres, Reset the database
deploy-go = Deploy this version
deploy-upload-label = Upload
deploy-build-output-label = Heroku's build output
deploy-uploading = Uploading the project…
deploy-cancel = Cancel
deploy-building = Heroku is building the project…
deploy-done = The new version runs. The release list shows it; to go back, roll back to the release before.
deploy-failed-keeps-running = The version that was running before keeps running.
