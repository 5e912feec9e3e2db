package dev.accrue.infra.launcher;

/** A piece of infrastructure the services need. */
public enum Component {
    KAFKA, SCHEMA_REGISTRY, ELASTICSEARCH
}
