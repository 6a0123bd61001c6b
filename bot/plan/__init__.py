"""The toekomstplan itself: pure data (pydantic), no chat, no storage."""
