"""Model: the workspace, its reports, config, schemas, loaded documents and findings."""
