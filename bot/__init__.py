"""Toekomstplan: a chatbot that helps young people make their own future plan in conversation."""
