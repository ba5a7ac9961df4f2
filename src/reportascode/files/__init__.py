"""Files: atomic writes and the workspace write lock."""
