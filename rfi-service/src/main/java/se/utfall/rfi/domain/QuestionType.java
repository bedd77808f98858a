package se.utfall.rfi.domain;

/** How a question is answered: free text (up to maxLength), a number, or one or several of its options. */
public enum QuestionType {
    TEXT, NUMBER, SINGLE_CHOICE, MULTIPLE_CHOICE;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
