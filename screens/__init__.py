"""One module per screen or modal; screens call data/ and wire widgets together."""
