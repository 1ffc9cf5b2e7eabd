"""Reports: verdicts in words, for the terminal, Markdown, HTML, JUnit and ClaimReview."""
