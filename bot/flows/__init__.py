"""The conversation: pure state machines that turn one input into a plan change and replies."""
