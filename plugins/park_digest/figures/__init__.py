"""Figures in a story: numerals, facts (value, unit, qualifier), labels and the fact box."""
