"""The factsuite command and what only it does: scaffolding, synthetic archives, generated docs."""
