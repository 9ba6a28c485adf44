"""The plan: YAML files read with their positions, the schema, validation rules, formatting."""
