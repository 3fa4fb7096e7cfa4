"""oTree's own export of the study's database, the reference for tests/otree_export.rs.

Runs oTree's export functions in-process (the same ones behind its Data page) against
DATABASE_URL, and writes wide.csv, <app>.csv, PageTimes.csv and ChatMessages.csv into OUTDIR.
Run it after the server was asked for page times: oTree keeps unsaved page times in the
server's memory and writes them to the database when they are exported.
Usage (in this folder): python reference_export.py OUTDIR
"""
import csv
import os
import sys

from otree.main import setup

setup()

import otree.export  # noqa: E402
from otree.database import dbq, session_scope  # noqa: E402
from otree.models import Participant  # noqa: E402
from otree.models_concrete import ChatMessage  # noqa: E402

out = sys.argv[1]


def write(name, fill):
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='') as fp:
        fill(fp)


def chat(fp):
    # oTree 5.x builds the chat file in its view (views/export.py, ExportChat); 6.x has a
    # function for it.
    if hasattr(otree.export, 'export_chat'):
        otree.export.export_chat(fp)
        return
    rows = (
        dbq(ChatMessage)
        .join(Participant)
        .order_by(ChatMessage.timestamp)
        .with_entities(
            Participant._session_code,
            Participant.id_in_session,
            Participant.code,
            ChatMessage.channel,
            ChatMessage.nickname,
            ChatMessage.body,
            ChatMessage.timestamp,
        )
    )
    writer = csv.writer(fp)
    writer.writerow(['session_code', 'id_in_session', 'participant_code', 'channel',
                     'nickname', 'body', 'timestamp'])
    writer.writerows(rows)


with session_scope():
    write('wide.csv', otree.export.export_wide)
    for app in otree.export.get_installed_apps_with_data():
        write(f'{app}.csv', lambda fp: otree.export.export_app(app, fp))
    write('PageTimes.csv', otree.export.export_page_times)
    write('ChatMessages.csv', chat)
print('exported to', out)
