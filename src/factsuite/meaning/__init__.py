"""The meaning of words and numbers: qualifiers, figures, dates, intervals, mentions, readings."""
