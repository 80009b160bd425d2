package org.imageorganizer.model;

/** The object and background labels of one image. */
public record Classification(Label object, Label background) {
}
