from otree.api import *


class C(BaseConstants):
    NAME_IN_URL = 'guess'
    PLAYERS_PER_GROUP = 3
    NUM_ROUNDS = 2
    JACKPOT = cu(100)


class Subsession(BaseSubsession):
    pass


class Group(BaseGroup):
    two_thirds_avg = models.FloatField()
    best_guess = models.IntegerField()


class Player(BasePlayer):
    guess = models.IntegerField(min=0, max=100, label='Pick a number from 0 to 100')
    is_winner = models.BooleanField(initial=False)


def set_payoffs(group: Group):
    players = group.get_players()
    guesses = [p.guess for p in players]
    group.two_thirds_avg = (2 / 3) * sum(guesses) / len(players)
    group.best_guess = min(guesses, key=lambda g: abs(g - group.two_thirds_avg))
    winners = [p for p in players if p.guess == group.best_guess]
    for p in winners:
        p.is_winner = True
        p.payoff = C.JACKPOT / len(winners)


class Guess(Page):
    form_model = 'player'
    form_fields = ['guess']


class ResultsWaitPage(WaitPage):
    after_all_players_arrive = set_payoffs


class Results(Page):
    pass


page_sequence = [Guess, ResultsWaitPage, Results]
