"""Conversation repair: what may happen to a turn before the open question gets the input.

One module per step; each has ``repair(turn, said)``, which returns the turn's result when it
handled the input, or None to let the next step try. The order they are tried in is
:data:`bot.flows.engine.REPAIR`. (In the manner of Rasa's conversation-repair patterns.)
"""
