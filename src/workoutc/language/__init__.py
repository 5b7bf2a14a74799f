"""The front end: text -> tokens -> lowered model, and back to text (printer, formatter)."""
