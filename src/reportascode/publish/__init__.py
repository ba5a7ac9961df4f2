"""Publishing: rac build and rac render as pipelines over validation, render and trends."""
