/// Generator of consistent and deliberately damaged reports for the accuracy benchmark (issue 6).
public enum CorpusKit {}
