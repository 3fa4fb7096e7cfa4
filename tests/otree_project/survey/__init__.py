from otree.api import *


class C(BaseConstants):
    NAME_IN_URL = 'survey'
    PLAYERS_PER_GROUP = None
    NUM_ROUNDS = 1


class Subsession(BaseSubsession):
    pass


class Group(BaseGroup):
    pass


class Player(BasePlayer):
    age = models.IntegerField(label='Your age')
    comment = models.LongStringField(label='Anything to add?', blank=True)


class Survey(Page):
    form_model = 'player'
    form_fields = ['age', 'comment']


page_sequence = [Survey]
