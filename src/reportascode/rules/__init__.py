"""Rules: the registry of every rule id, the domain checks and the workspace rules."""
