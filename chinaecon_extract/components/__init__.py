"""spaCy components: thin adapters from Doc to the pure recognizers. factories.py
registers them with spaCy."""
