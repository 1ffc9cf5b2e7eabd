"""Reading an article folder's files: safe YAML with lines kept, the model, reference folders."""
