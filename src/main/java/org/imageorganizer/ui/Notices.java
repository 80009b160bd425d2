package org.imageorganizer.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.imageorganizer.model.ExplainedException;

/**
 * The window's notice line: the last thing that went wrong in the background, in one sentence
 * (a Remove that failed, a library that could not be read…), or what an action did. The task executor has logged the
 * details at WARN; the user reads the sentence until it is dismissed or replaced. UI thread only.
 */
public final class Notices {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** Shows {@code what} went wrong, followed by why. */
    public void failed(String what, Throwable error) {
        message.set(what + ": " + reason(error));
    }

    /** Shows what an action the user asked for did (Move to Trash), until dismissed or replaced. */
    public void show(String sentence) {
        message.set(sentence);
    }

    /** Clears the notice (the user dismissed it). */
    public void dismiss() {
        message.set("");
    }

    /** The notice; empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why a task failed, as a sentence for the user (never a stack trace). */
    public static String reason(Throwable error) {
        String text = error.getMessage();
        if (text == null || text.isBlank()) {
            return error.getClass().getSimpleName() + " (details in the log file).";
        }
        text = text.strip();
        String sentence = text.endsWith(".") ? text : text + ".";
        // an explained failure's message is written for the user; another one may be technical
        return error instanceof ExplainedException ? sentence : sentence.substring(0, sentence.length() - 1)
                + " (details in the log file).";
    }
}
