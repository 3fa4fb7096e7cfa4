"""Plays a session of the test project through oTree's participant pages.

Used by tests/otree_export.rs. Standard library only: each participant is an
HTTP client with its own cookies that submits the forms a person would.
Usage: python play.py BASE_URL REST_KEY SESSION_CODE
"""
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request

BASE, REST_KEY, SESSION = sys.argv[1], sys.argv[2], sys.argv[3]

# What each participant types, by id_in_session: umlauts, emoji, quotes,
# commas and a line break, so the CSV has to quote them right.
ANSWERS = {
    1: {'age': '34', 'comment': 'Grüße aus Köln 🎉, "quoted"\nsecond line', 'guess': ['20', '35']},
    2: {'age': '27', 'comment': '', 'guess': ['50', '10']},
    3: {'age': '41', 'comment': 'a, b; c', 'guess': ['33', '22']},
}


def rest(path):
    req = urllib.request.Request(BASE + path, headers={'otree-rest-key': REST_KEY})
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read())


class Participant:
    def __init__(self, code, number):
        self.number = number
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.url = f'{BASE}/InitializeParticipant/{code}'
        self.rounds_guessed = 0
        self.get()

    def get(self):
        with self.opener.open(self.url) as resp:
            self.url, self.html = resp.geturl(), resp.read().decode()

    def page(self):
        return urllib.parse.urlparse(self.url).path.split('/')[4] if '/p/' in self.url else ''

    def step(self):
        """Submits the current page if it has a form; returns False when nothing moved."""
        page = self.page()
        answers = ANSWERS[self.number]
        if page == 'Survey':
            fields = {'age': answers['age'], 'comment': answers['comment']}
        elif page == 'Guess':
            fields = {'guess': answers['guess'][self.rounds_guessed]}
            self.rounds_guessed += 1
        elif page == 'Results':
            fields = {}
        else:
            before = self.url
            self.get()  # a wait page: ask again
            return self.url != before
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.url, data) as resp:
            self.url, self.html = resp.geturl(), resp.read().decode()
        return True

    def done(self):
        return 'OutOfRangeNotification' in self.url or '/p/' not in self.url


info = rest(f'/api/sessions/{SESSION}')
people = [Participant(p['code'], p['id_in_session']) for p in info['participants']]
deadline = time.time() + 120
while not all(p.done() for p in people):
    if time.time() > deadline:
        sys.exit('participants got stuck at ' + ', '.join(p.url for p in people))
    moved = False
    for p in people:
        if not p.done():
            moved = p.step() or moved
    if not moved:
        time.sleep(0.3)
print('played', len(people), 'participants:', ' '.join(p.url for p in people))
