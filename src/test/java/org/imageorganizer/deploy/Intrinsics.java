package org.imageorganizer.deploy;

import java.util.Map;
import java.util.Set;

/** Recognising CloudFormation's intrinsic functions in a template read by {@link CfnTemplateLoader}. */
final class Intrinsics {
    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private Intrinsics() {
    }

    /** A one-key object whose key is Ref or Fn::Something. */
    static boolean isFunction(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.startsWith("Fn::"));
    }

    static String name(Object function) {
        return (String) ((Map<?, ?>) function).keySet().iterator().next();
    }

    static Object argument(Object function) {
        return ((Map<?, ?>) function).values().iterator().next();
    }

    static boolean isNoValue(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"));
    }
}
