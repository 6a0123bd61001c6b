"""Sharing a plan with a JIM, helpers from the network and professionals (application layer).

The pure flows ask for what they need through :class:`bot.flows.sharing.port.SharingPort`;
:class:`bot.sharing.service.Sharing` implements it on one unit of work, so everything a turn
shares (links, asks, messages to others in the outbox) commits or rolls back with the turn.
"""
