package org.elasticsearch.node;

// Lives in org.elasticsearch.node because NodeConstruction, NodeServiceProvider and Node(NodeConstruction) are package-private.

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.List;

/** A {@link Node} whose plugins are classes on the classpath (the idea of Elastic's test-framework {@code MockNode}). */
public final class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader ignored) {
                return new ClasspathPluginsService(env.settings(), env, List.copyOf(pluginClasses));
            }
        }, true));
    }
}
