// TypeDoc plugin: leaves out the members a class only inherits from a class outside the documented
// API (LitElement and HTMLElement bring hundreds), so that the committed reference lists Huoti's own.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const member of project.getReflectionsByKind(ReflectionKind.ClassMember)) {
      const inherited = member.inheritedFrom ?? member.signatures?.[0]?.inheritedFrom ?? member.getSignature?.inheritedFrom ?? member.setSignature?.inheritedFrom;
      // No reflection: the base class is not part of the documented project (a dependency or the DOM lib).
      if (inherited && !inherited.reflection) project.removeReflection(member);
    }
  });
}
