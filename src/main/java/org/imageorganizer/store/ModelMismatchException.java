package org.imageorganizer.store;

/** The library's embeddings were computed by another model than the one in use. */
public class ModelMismatchException extends org.imageorganizer.model.ExplainedException {

    private final String libraryModel;
    private final String requestedModel;

    /**
     * @param libraryModel   the model the library was built with
     * @param requestedModel the model the program is using now
     */
    public ModelMismatchException(String libraryModel, String requestedModel) {
        super("This library was built with model " + libraryModel + "; it cannot be opened with model "
                + requestedModel + ". Use the same model folder, or re-embed the library (a later command).");
        this.libraryModel = libraryModel;
        this.requestedModel = requestedModel;
    }

    /** @return the model id recorded in the library */
    public String libraryModel() {
        return libraryModel;
    }

    /** @return the model id that was refused */
    public String requestedModel() {
        return requestedModel;
    }
}
