package org.imageorganizer.ui;

import org.imageorganizer.services.PhotoTrash;

/**
 * What Move to Trash says, the same wherever the window offers it (the grid's context menu, the
 * Duplicates view): the question, exactly what happens, and what happened.
 */
public final class TrashWording {
    private TrashWording() {
    }

    /** "Move 3 files to the trash?" */
    public static String header(PhotoTrash.Plan plan) {
        return "Move " + plural(plan.files().size(), "file") + " to the trash?";
    }

    /**
     * What moving to the trash does, exactly; {@code keptName} names the photo kept (the Duplicates
     * view's keeper), or null.
     */
    public static String text(PhotoTrash.Plan plan, String keptName) {
        int photos = plan.photos().size();
        StringBuilder text = new StringBuilder(plan.files().size() == 1 ? "This file goes" : "These files go");
        text.append(" to the system trash, where you can restore ").append(plan.files().size() == 1 ? "it" : "them")
                .append(", and ").append(photos == 1 ? "its photo leaves" : "their " + photos + " photos leave")
                .append(" the library.");
        if (plan.files().size() > photos) {
            text.append(" A photo found in several places goes from every place listed.");
        }
        if (keptName != null) {
            text.append(" “").append(keptName).append("” is kept.");
        }
        if (!plan.notFiles().isEmpty()) {
            text.append(" ").append(plural(plan.notFiles().size(), "upload")).append(" kept by the server ")
                    .append(plan.notFiles().size() == 1 ? "is" : "are").append(" not a file of yours and stay")
                    .append(plan.notFiles().size() == 1 ? "s" : "").append(" in the library.");
        }
        return text.toString();
    }

    /** The confirming button: "Move 3 Files to Trash". */
    public static String action(PhotoTrash.Plan plan) {
        return "Move " + plural(plan.files().size(), "File") + " to Trash";
    }

    /** What happened: "2 files were moved to the trash; 1 photo left the library." and why any file stayed. */
    public static String outcome(PhotoTrash.Outcome outcome) {
        StringBuilder text = new StringBuilder(plural(outcome.moved().size(), "file"))
                .append(outcome.moved().size() == 1 ? " was" : " were").append(" moved to the trash; ")
                .append(plural(outcome.removed().size(), "photo")).append(" left the library.");
        if (!outcome.left().isEmpty()) {
            text.append(" ").append(plural(outcome.left().size(), "file")).append(outcome.left().size() == 1 ? " was" : " were")
                    .append(" left where ").append(outcome.left().size() == 1 ? "it was" : "they were").append(", and ")
                    .append(plural(outcome.kept().size(), "photo")).append(outcome.kept().size() == 1 ? " stays" : " stay")
                    .append(" in the library: ")
                    .append(outcome.left().get(0).reason());
        }
        return text.toString();
    }

    /** "1 photo", "3 photos". */
    public static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
