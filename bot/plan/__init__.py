"""The toekomstplan itself: pure data (pydantic) and the words it is shown in, no chat, no
storage. Everything above may import it: the flows, safety, documents, sharing, storage."""
