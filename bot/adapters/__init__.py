"""Chat adapters: each turns a platform's input into UserInput and renders Messages back."""
