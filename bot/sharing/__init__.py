"""Sharing a plan with a JIM, helpers from the network and professionals (application layer).

The pure flows ask for what they need through :class:`bot.flows.sharing.port.SharingPort`;
:class:`bot.sharing.service.Sharing` implements it on one unit of work, so everything a turn
shares (links, asks, messages to others in the outbox) commits or rolls back with the turn.
It is made of one module per responsibility: ``access`` (what a reference reaches, what a
member sees), ``invites``, ``links``, ``asks`` and ``handoffs`` (what linked people receive
as the plan grows), on ``actor`` (the user acting in the turn, which they share); ``peers``
reaches other users, ``erasure`` an erased user's traces.
"""
