// @ts-nocheck
/* eslint-disable */
// Generated from templates/**/*.hbs by src/render/precompile-templates.ts: do not edit.
// Rewrite with: UPDATE_TEMPLATES=1 npx vitest run test/render/generated-templates.test.ts
export const TEMPLATE_SPECS: Record<string, unknown> = {
  "asterisk-chansip/sip.conf": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "register => "
    + ((stack1 = (((helper = lookupProperty(helpers,"register") || container.strict(depth0, "register", {"start":{"line":5,"column":14},"end":{"line":5,"column":22}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"register","hash":{},"loc":{"start":{"line":5,"column":12},"end":{"line":5,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "tcpenable=yes\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "tlsenable=yes\ntlsbindaddr="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "bind", {"start":{"line":12,"column":14},"end":{"line":12,"column":22}} ), depth0)) != null ? stack1 : "")
    + "\ntlscertfile="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "certFile", {"start":{"line":13,"column":14},"end":{"line":13,"column":26}} ), depth0)) != null ? stack1 : "")
    + "\ntlsprivatekey="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "keyFile", {"start":{"line":14,"column":16},"end":{"line":14,"column":27}} ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"tls"),"caFile"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":15,"column":0},"end":{"line":17,"column":7}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "tlscafile="
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"tls"), "caFile", {"start":{"line":16,"column":12},"end":{"line":16,"column":22}} ), depth0)) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "allow="
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":34,"column":3},"end":{"line":34,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":34,"column":1},"end":{"line":34,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]("
    + ((stack1 = container.lambda(alias1(depths[1], "name", {"start":{"line":34,"column":13},"end":{"line":34,"column":20}} ), depth0)) != null ? stack1 : "")
    + "-sip)\nhost="
    + ((stack1 = (((helper = lookupProperty(helpers,"host") || alias1(depth0, "host", {"start":{"line":35,"column":7},"end":{"line":35,"column":11}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"host","hash":{},"loc":{"start":{"line":35,"column":5},"end":{"line":35,"column":13}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "port="
    + ((stack1 = (((helper = lookupProperty(helpers,"tlsPort") || container.strict(depth0, "tlsPort", {"start":{"line":54,"column":7},"end":{"line":54,"column":14}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"tlsPort","hash":{},"loc":{"start":{"line":54,"column":5},"end":{"line":54,"column":16}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\n[general]\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"register"),{"name":"if","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"tcp"),{"name":"if","hash":{},"fn":container.program(1, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":7,"column":0},"end":{"line":9,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"tls"),{"name":"if","hash":{},"fn":container.program(2, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":10,"column":0},"end":{"line":18,"column":7}}})) != null ? stack1 : "")
    + "\n; Inbound: the carrier's INVITEs come unauthenticated from these addresses (insecure=port,invite).\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":21,"column":3},"end":{"line":21,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":21,"column":1},"end":{"line":21,"column":9}}}) : helper))) != null ? stack1 : "")
    + "-sip](!)\nfromdomain="
    + ((stack1 = (((helper = lookupProperty(helpers,"domain") || alias1(depth0, "domain", {"start":{"line":22,"column":13},"end":{"line":22,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"domain","hash":{},"loc":{"start":{"line":22,"column":11},"end":{"line":22,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\ntype=peer\ncontext="
    + ((stack1 = (((helper = lookupProperty(helpers,"inboundContext") || alias1(depth0, "inboundContext", {"start":{"line":24,"column":10},"end":{"line":24,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"inboundContext","hash":{},"loc":{"start":{"line":24,"column":8},"end":{"line":24,"column":26}}}) : helper))) != null ? stack1 : "")
    + "\ninsecure=port,invite\nnat="
    + ((stack1 = (((helper = lookupProperty(helpers,"nat") || alias1(depth0, "nat", {"start":{"line":26,"column":6},"end":{"line":26,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"nat","hash":{},"loc":{"start":{"line":26,"column":4},"end":{"line":26,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\ndisallow=all\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"codecs"),{"name":"each","hash":{},"fn":container.program(4, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":28,"column":0},"end":{"line":30,"column":9}}})) != null ? stack1 : "")
    + "dtmfmode=rfc2833\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"peers"),{"name":"each","hash":{},"fn":container.program(5, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":32,"column":0},"end":{"line":36,"column":9}}})) != null ? stack1 : "")
    + "\n; Outbound: calls to the carrier, Digest-authenticated with the API key and secret.\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":39,"column":3},"end":{"line":39,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":39,"column":1},"end":{"line":39,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\nusername="
    + ((stack1 = (((helper = lookupProperty(helpers,"apiKey") || alias1(depth0, "apiKey", {"start":{"line":40,"column":11},"end":{"line":40,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"apiKey","hash":{},"loc":{"start":{"line":40,"column":9},"end":{"line":40,"column":19}}}) : helper))) != null ? stack1 : "")
    + "\nhost="
    + ((stack1 = (((helper = lookupProperty(helpers,"domain") || alias1(depth0, "domain", {"start":{"line":41,"column":7},"end":{"line":41,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"domain","hash":{},"loc":{"start":{"line":41,"column":5},"end":{"line":41,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\ndefaultuser="
    + ((stack1 = (((helper = lookupProperty(helpers,"apiKey") || alias1(depth0, "apiKey", {"start":{"line":42,"column":14},"end":{"line":42,"column":20}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"apiKey","hash":{},"loc":{"start":{"line":42,"column":12},"end":{"line":42,"column":22}}}) : helper))) != null ? stack1 : "")
    + "\nfromuser="
    + ((stack1 = (((helper = lookupProperty(helpers,"fromUser") || alias1(depth0, "fromUser", {"start":{"line":43,"column":11},"end":{"line":43,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"fromUser","hash":{},"loc":{"start":{"line":43,"column":9},"end":{"line":43,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\nfromdomain="
    + ((stack1 = (((helper = lookupProperty(helpers,"domain") || alias1(depth0, "domain", {"start":{"line":44,"column":13},"end":{"line":44,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"domain","hash":{},"loc":{"start":{"line":44,"column":11},"end":{"line":44,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\nsecret="
    + ((stack1 = (((helper = lookupProperty(helpers,"secret") || alias1(depth0, "secret", {"start":{"line":45,"column":9},"end":{"line":45,"column":15}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"secret","hash":{},"loc":{"start":{"line":45,"column":7},"end":{"line":45,"column":17}}}) : helper))) != null ? stack1 : "")
    + "\ntype=peer\ncontext="
    + ((stack1 = (((helper = lookupProperty(helpers,"inboundContext") || alias1(depth0, "inboundContext", {"start":{"line":47,"column":10},"end":{"line":47,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"inboundContext","hash":{},"loc":{"start":{"line":47,"column":8},"end":{"line":47,"column":26}}}) : helper))) != null ? stack1 : "")
    + "\ninsecure=port,invite\nqualify=yes\nqualifyfreq="
    + ((stack1 = (((helper = lookupProperty(helpers,"qualifyFreq") || alias1(depth0, "qualifyFreq", {"start":{"line":50,"column":14},"end":{"line":50,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"qualifyFreq","hash":{},"loc":{"start":{"line":50,"column":12},"end":{"line":50,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\nnat="
    + ((stack1 = (((helper = lookupProperty(helpers,"nat") || alias1(depth0, "nat", {"start":{"line":51,"column":6},"end":{"line":51,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"nat","hash":{},"loc":{"start":{"line":51,"column":4},"end":{"line":51,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\ntransport="
    + ((stack1 = (((helper = lookupProperty(helpers,"transport") || alias1(depth0, "transport", {"start":{"line":52,"column":12},"end":{"line":52,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"transport","hash":{},"loc":{"start":{"line":52,"column":10},"end":{"line":52,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"tlsPort"),{"name":"if","hash":{},"fn":container.program(6, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":53,"column":0},"end":{"line":55,"column":7}}})) != null ? stack1 : "")
    + "disallow=all\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"codecs"),{"name":"each","hash":{},"fn":container.program(4, data, 0, blockParams, depths),"inverse":container.noop,"loc":{"start":{"line":57,"column":0},"end":{"line":59,"column":9}}})) != null ? stack1 : "")
    + "dtmfmode=rfc2833\n";
},"useDepths":true},
  "asterisk-pjsip/pjsip.conf": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":4,"column":3},"end":{"line":4,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":4,"column":1},"end":{"line":4,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\ntype = transport\nprotocol = "
    + ((stack1 = (((helper = lookupProperty(helpers,"protocol") || alias1(depth0, "protocol", {"start":{"line":6,"column":13},"end":{"line":6,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"protocol","hash":{},"loc":{"start":{"line":6,"column":11},"end":{"line":6,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\nbind = "
    + ((stack1 = (((helper = lookupProperty(helpers,"bind") || alias1(depth0, "bind", {"start":{"line":7,"column":9},"end":{"line":7,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"bind","hash":{},"loc":{"start":{"line":7,"column":7},"end":{"line":7,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"tls"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":8,"column":0},"end":{"line":15,"column":7}}})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "cert_file = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "certFile", {"start":{"line":9,"column":14},"end":{"line":9,"column":26}} ), depth0)) != null ? stack1 : "")
    + "\npriv_key_file = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "keyFile", {"start":{"line":10,"column":18},"end":{"line":10,"column":29}} ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"tls"),"caFile"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":11,"column":0},"end":{"line":13,"column":7}}})) != null ? stack1 : "")
    + "method = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"tls"), "method", {"start":{"line":14,"column":11},"end":{"line":14,"column":21}} ), depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "ca_list_file = "
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"tls"), "caFile", {"start":{"line":12,"column":17},"end":{"line":12,"column":27}} ), depth0)) != null ? stack1 : "")
    + "\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "allow = "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    return "rtp_symmetric = yes\nforce_rport = yes\nrewrite_contact = yes\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":50,"column":3},"end":{"line":50,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":50,"column":1},"end":{"line":50,"column":9}}}) : helper))) != null ? stack1 : "")
    + "-reg]\ntype = registration\ntransport = "
    + ((stack1 = (((helper = lookupProperty(helpers,"transport") || alias1(depth0, "transport", {"start":{"line":52,"column":14},"end":{"line":52,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"transport","hash":{},"loc":{"start":{"line":52,"column":12},"end":{"line":52,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\noutbound_auth = "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":53,"column":18},"end":{"line":53,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":53,"column":16},"end":{"line":53,"column":24}}}) : helper))) != null ? stack1 : "")
    + "-auth\nserver_uri = "
    + ((stack1 = (((helper = lookupProperty(helpers,"serverUri") || alias1(depth0, "serverUri", {"start":{"line":54,"column":15},"end":{"line":54,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"serverUri","hash":{},"loc":{"start":{"line":54,"column":13},"end":{"line":54,"column":26}}}) : helper))) != null ? stack1 : "")
    + "\nclient_uri = "
    + ((stack1 = (((helper = lookupProperty(helpers,"clientUri") || alias1(depth0, "clientUri", {"start":{"line":55,"column":15},"end":{"line":55,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"clientUri","hash":{},"loc":{"start":{"line":55,"column":13},"end":{"line":55,"column":26}}}) : helper))) != null ? stack1 : "")
    + "\nretry_interval = 60\nforbidden_retry_interval = 600\nexpiration = 3600\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":62,"column":3},"end":{"line":62,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":62,"column":1},"end":{"line":62,"column":9}}}) : helper))) != null ? stack1 : "")
    + "-identify]\ntype = identify\nendpoint = "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":64,"column":13},"end":{"line":64,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":64,"column":11},"end":{"line":64,"column":19}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"match"),{"name":"each","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"loc":{"start":{"line":65,"column":0},"end":{"line":67,"column":9}}})) != null ? stack1 : "");
},"7":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "match = "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"transports"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":16,"column":9}}})) != null ? stack1 : "")
    + "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":18,"column":3},"end":{"line":18,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":18,"column":1},"end":{"line":18,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\ntype = endpoint\ntransport = "
    + ((stack1 = (((helper = lookupProperty(helpers,"transport") || alias1(depth0, "transport", {"start":{"line":20,"column":14},"end":{"line":20,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"transport","hash":{},"loc":{"start":{"line":20,"column":12},"end":{"line":20,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\ncontext = "
    + ((stack1 = (((helper = lookupProperty(helpers,"context") || alias1(depth0, "context", {"start":{"line":21,"column":12},"end":{"line":21,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"context","hash":{},"loc":{"start":{"line":21,"column":10},"end":{"line":21,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\ndisallow = all\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"codecs"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":23,"column":0},"end":{"line":25,"column":9}}})) != null ? stack1 : "")
    + "outbound_auth = "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":26,"column":18},"end":{"line":26,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":26,"column":16},"end":{"line":26,"column":24}}}) : helper))) != null ? stack1 : "")
    + "-auth\naors = "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":27,"column":9},"end":{"line":27,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":27,"column":7},"end":{"line":27,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\nfrom_user = "
    + ((stack1 = (((helper = lookupProperty(helpers,"fromUser") || alias1(depth0, "fromUser", {"start":{"line":28,"column":14},"end":{"line":28,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"fromUser","hash":{},"loc":{"start":{"line":28,"column":12},"end":{"line":28,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\nfrom_domain = "
    + ((stack1 = (((helper = lookupProperty(helpers,"domain") || alias1(depth0, "domain", {"start":{"line":29,"column":16},"end":{"line":29,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"domain","hash":{},"loc":{"start":{"line":29,"column":14},"end":{"line":29,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\ndtmf_mode = rfc4733\ndirect_media = no\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"nat"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":32,"column":0},"end":{"line":36,"column":7}}})) != null ? stack1 : "")
    + "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":38,"column":3},"end":{"line":38,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":38,"column":1},"end":{"line":38,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\ntype = aor\ncontact = "
    + ((stack1 = (((helper = lookupProperty(helpers,"contact") || alias1(depth0, "contact", {"start":{"line":40,"column":12},"end":{"line":40,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"contact","hash":{},"loc":{"start":{"line":40,"column":10},"end":{"line":40,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\nqualify_frequency = "
    + ((stack1 = (((helper = lookupProperty(helpers,"qualify") || alias1(depth0, "qualify", {"start":{"line":41,"column":22},"end":{"line":41,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"qualify","hash":{},"loc":{"start":{"line":41,"column":20},"end":{"line":41,"column":31}}}) : helper))) != null ? stack1 : "")
    + "\n\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":43,"column":3},"end":{"line":43,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":43,"column":1},"end":{"line":43,"column":9}}}) : helper))) != null ? stack1 : "")
    + "-auth]\ntype = auth\nauth_type = userpass\nusername = "
    + ((stack1 = (((helper = lookupProperty(helpers,"apiKey") || alias1(depth0, "apiKey", {"start":{"line":46,"column":13},"end":{"line":46,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"apiKey","hash":{},"loc":{"start":{"line":46,"column":11},"end":{"line":46,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\npassword = "
    + ((stack1 = (((helper = lookupProperty(helpers,"secret") || alias1(depth0, "secret", {"start":{"line":47,"column":13},"end":{"line":47,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"secret","hash":{},"loc":{"start":{"line":47,"column":11},"end":{"line":47,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"register"),{"name":"if","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":48,"column":0},"end":{"line":59,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"match"),{"name":"if","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"loc":{"start":{"line":60,"column":0},"end":{"line":68,"column":7}}})) != null ? stack1 : "");
}},
  "asterisk-pjsip/pjsip_wizard.conf": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "contact_pattern = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"patterns"), "contact", {"start":{"line":8,"column":20},"end":{"line":8,"column":36}} ), depth0)) != null ? stack1 : "")
    + "\nserver_uri_pattern = "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"patterns"), "server", {"start":{"line":9,"column":23},"end":{"line":9,"column":38}} ), depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "yes";
},"2":function(container,depth0,helpers,partials,data) {
    return "no";
},"3":function(container,depth0,helpers,partials,data) {
    return "endpoint/rtp_symmetric = yes\nendpoint/force_rport = yes\nendpoint/rewrite_contact = yes\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "identify/match = "
    + ((stack1 = (((helper = lookupProperty(helpers,"matchList") || container.strict(depth0, "matchList", {"start":{"line":29,"column":19},"end":{"line":29,"column":28}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"matchList","hash":{},"loc":{"start":{"line":29,"column":17},"end":{"line":29,"column":30}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    return "registration/retry_interval = 60\nregistration/forbidden_retry_interval = 600\nregistration/expiration = 3600\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":3,"column":3},"end":{"line":3,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":3,"column":1},"end":{"line":3,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\ntype = wizard\ntransport = "
    + ((stack1 = (((helper = lookupProperty(helpers,"transport") || alias1(depth0, "transport", {"start":{"line":5,"column":14},"end":{"line":5,"column":23}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"transport","hash":{},"loc":{"start":{"line":5,"column":12},"end":{"line":5,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\nremote_hosts = "
    + ((stack1 = (((helper = lookupProperty(helpers,"remoteHost") || alias1(depth0, "remoteHost", {"start":{"line":6,"column":17},"end":{"line":6,"column":27}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"remoteHost","hash":{},"loc":{"start":{"line":6,"column":15},"end":{"line":6,"column":29}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"patterns"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":0},"end":{"line":10,"column":7}}})) != null ? stack1 : "")
    + "sends_auth = yes\nsends_registrations = "
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"register"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.program(2, data, 0),"loc":{"start":{"line":12,"column":22},"end":{"line":12,"column":58}}})) != null ? stack1 : "")
    + "\noutbound_auth/username = "
    + ((stack1 = (((helper = lookupProperty(helpers,"apiKey") || alias1(depth0, "apiKey", {"start":{"line":13,"column":27},"end":{"line":13,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"apiKey","hash":{},"loc":{"start":{"line":13,"column":25},"end":{"line":13,"column":35}}}) : helper))) != null ? stack1 : "")
    + "\noutbound_auth/password = "
    + ((stack1 = (((helper = lookupProperty(helpers,"secret") || alias1(depth0, "secret", {"start":{"line":14,"column":27},"end":{"line":14,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"secret","hash":{},"loc":{"start":{"line":14,"column":25},"end":{"line":14,"column":35}}}) : helper))) != null ? stack1 : "")
    + "\nendpoint/context = "
    + ((stack1 = (((helper = lookupProperty(helpers,"context") || alias1(depth0, "context", {"start":{"line":15,"column":21},"end":{"line":15,"column":28}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"context","hash":{},"loc":{"start":{"line":15,"column":19},"end":{"line":15,"column":30}}}) : helper))) != null ? stack1 : "")
    + "\nendpoint/disallow = all\nendpoint/allow = "
    + ((stack1 = (((helper = lookupProperty(helpers,"allow") || alias1(depth0, "allow", {"start":{"line":17,"column":19},"end":{"line":17,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"allow","hash":{},"loc":{"start":{"line":17,"column":17},"end":{"line":17,"column":26}}}) : helper))) != null ? stack1 : "")
    + "\nendpoint/from_user = "
    + ((stack1 = (((helper = lookupProperty(helpers,"fromUser") || alias1(depth0, "fromUser", {"start":{"line":18,"column":23},"end":{"line":18,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"fromUser","hash":{},"loc":{"start":{"line":18,"column":21},"end":{"line":18,"column":33}}}) : helper))) != null ? stack1 : "")
    + "\nendpoint/from_domain = "
    + ((stack1 = (((helper = lookupProperty(helpers,"domain") || alias1(depth0, "domain", {"start":{"line":19,"column":25},"end":{"line":19,"column":31}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"domain","hash":{},"loc":{"start":{"line":19,"column":23},"end":{"line":19,"column":33}}}) : helper))) != null ? stack1 : "")
    + "\nendpoint/dtmf_mode = rfc4733\nendpoint/direct_media = no\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"nat"),{"name":"if","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":22,"column":0},"end":{"line":26,"column":7}}})) != null ? stack1 : "")
    + "aor/qualify_frequency = "
    + ((stack1 = (((helper = lookupProperty(helpers,"qualify") || alias1(depth0, "qualify", {"start":{"line":27,"column":26},"end":{"line":27,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"qualify","hash":{},"loc":{"start":{"line":27,"column":24},"end":{"line":27,"column":35}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"matchList"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"loc":{"start":{"line":28,"column":0},"end":{"line":30,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"register"),{"name":"if","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"loc":{"start":{"line":31,"column":0},"end":{"line":35,"column":7}}})) != null ? stack1 : "");
}},
  "asterisk/extensions.conf": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":4,"column":3},"end":{"line":4,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":4,"column":1},"end":{"line":4,"column":9}}}) : helper))) != null ? stack1 : "")
    + "]\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":5,"column":2},"end":{"line":5,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":5,"column":0},"end":{"line":5,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"extens"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":6,"column":0},"end":{"line":12,"column":9}}})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":7,"column":2},"end":{"line":7,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":7,"column":0},"end":{"line":7,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\nexten => "
    + ((stack1 = (((helper = lookupProperty(helpers,"ext") || alias1(depth0, "ext", {"start":{"line":8,"column":11},"end":{"line":8,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"ext","hash":{},"loc":{"start":{"line":8,"column":9},"end":{"line":8,"column":16}}}) : helper))) != null ? stack1 : "")
    + ",1,"
    + ((stack1 = (((helper = lookupProperty(helpers,"first") || alias1(depth0, "first", {"start":{"line":8,"column":21},"end":{"line":8,"column":26}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"first","hash":{},"loc":{"start":{"line":8,"column":19},"end":{"line":8,"column":28}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"rest"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":9,"column":0},"end":{"line":11,"column":9}}})) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    var stack1;

  return " same => n,"
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || container.strict(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"contexts"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":2,"column":0},"end":{"line":13,"column":9}}})) != null ? stack1 : "");
}},
  "firewalld/firewalld.sh": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"header") || container.strict(depth0, "header", {"start":{"line":2,"column":2},"end":{"line":2,"column":8}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"header","hash":{},"loc":{"start":{"line":2,"column":0},"end":{"line":2,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\nset -e\nZONE=\"${ZONE:-public}\"\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"commands"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":5,"column":0},"end":{"line":7,"column":9}}})) != null ? stack1 : "");
}},
  "freepbx/trunk.txt": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "    "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n  Register String:\n    "
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"chanSip"), "registerString", {"start":{"line":22,"column":6},"end":{"line":22,"column":28}} ), depth0)) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\nInbound-only trunk "
    + ((stack1 = (((helper = lookupProperty(helpers,"trunkName") || alias1(depth0, "trunkName", {"start":{"line":26,"column":21},"end":{"line":26,"column":30}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"trunkName","hash":{},"loc":{"start":{"line":26,"column":19},"end":{"line":26,"column":32}}}) : helper))) != null ? stack1 : "")
    + " (sip Settings > Incoming)\n  USER Context: "
    + ((stack1 = (((helper = lookupProperty(helpers,"userContext") || alias1(depth0, "userContext", {"start":{"line":27,"column":18},"end":{"line":27,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"userContext","hash":{},"loc":{"start":{"line":27,"column":16},"end":{"line":27,"column":31}}}) : helper))) != null ? stack1 : "")
    + "\n  USER Details:\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"userDetails"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":29,"column":0},"end":{"line":31,"column":9}}})) != null ? stack1 : "");
},"3":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "  "
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", alias4=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\n== chan_sip trunk: Connectivity > Trunks > Add SIP (chan_sip) Trunk ==\n\nGeneral\n  Trunk Name:        "
    + ((stack1 = (((helper = lookupProperty(helpers,"trunkName") || alias1(depth0, "trunkName", {"start":{"line":6,"column":23},"end":{"line":6,"column":32}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"trunkName","hash":{},"loc":{"start":{"line":6,"column":21},"end":{"line":6,"column":34}}}) : helper))) != null ? stack1 : "")
    + "\n  Outbound CallerID: "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"chanSip"), "outboundCallerId", {"start":{"line":7,"column":23},"end":{"line":7,"column":47}} ), depth0)) != null ? stack1 : "")
    + "\n\nsip Settings > Outgoing\n  Trunk Name: "
    + ((stack1 = (((helper = lookupProperty(helpers,"trunkName") || alias1(depth0, "trunkName", {"start":{"line":10,"column":16},"end":{"line":10,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"trunkName","hash":{},"loc":{"start":{"line":10,"column":14},"end":{"line":10,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\n  PEER Details:\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(lookupProperty(depth0,"chanSip"),"peerDetails"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":12,"column":0},"end":{"line":14,"column":9}}})) != null ? stack1 : "")
    + "\nsip Settings > Incoming\n  Leave USER Context and USER Details empty on this trunk: FreePBX holds one USER context per\n  trunk, so each carrier address gets an inbound-only trunk of its own (below).\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"chanSip"),"registerString"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":19,"column":0},"end":{"line":23,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(lookupProperty(depth0,"chanSip"),"inboundTrunks"),{"name":"each","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"loc":{"start":{"line":24,"column":0},"end":{"line":32,"column":9}}})) != null ? stack1 : "")
    + "\n== PJSIP trunk: Connectivity > Trunks > Add SIP (chan_pjsip) Trunk ==\n\nGeneral\n  Trunk Name:        "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "trunkName", {"start":{"line":37,"column":23},"end":{"line":37,"column":38}} ), depth0)) != null ? stack1 : "")
    + "\n  Outbound CallerID: "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "outboundCallerId", {"start":{"line":38,"column":23},"end":{"line":38,"column":45}} ), depth0)) != null ? stack1 : "")
    + "\n\npjsip Settings > General\n  Username:          "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "username", {"start":{"line":41,"column":23},"end":{"line":41,"column":37}} ), depth0)) != null ? stack1 : "")
    + "\n  Secret:            "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "secret", {"start":{"line":42,"column":23},"end":{"line":42,"column":35}} ), depth0)) != null ? stack1 : "")
    + "\n  Authentication:    "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "authentication", {"start":{"line":43,"column":23},"end":{"line":43,"column":43}} ), depth0)) != null ? stack1 : "")
    + "\n  Registration:      "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "registration", {"start":{"line":44,"column":23},"end":{"line":44,"column":41}} ), depth0)) != null ? stack1 : "")
    + "\n  SIP Server:        "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "sipServer", {"start":{"line":45,"column":23},"end":{"line":45,"column":38}} ), depth0)) != null ? stack1 : "")
    + "\n  SIP Server Port:   "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "sipServerPort", {"start":{"line":46,"column":23},"end":{"line":46,"column":42}} ), depth0)) != null ? stack1 : "")
    + "\n  Context:           "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "context", {"start":{"line":47,"column":23},"end":{"line":47,"column":36}} ), depth0)) != null ? stack1 : "")
    + "\n  Transport:         "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "transport", {"start":{"line":48,"column":23},"end":{"line":48,"column":38}} ), depth0)) != null ? stack1 : "")
    + "\n\npjsip Settings > Advanced\n  DTMF Mode:         "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "dtmfMode", {"start":{"line":51,"column":23},"end":{"line":51,"column":37}} ), depth0)) != null ? stack1 : "")
    + "\n  Qualify Frequency: "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "qualifyFrequency", {"start":{"line":52,"column":23},"end":{"line":52,"column":45}} ), depth0)) != null ? stack1 : "")
    + "\n  From Domain:       "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "fromDomain", {"start":{"line":53,"column":23},"end":{"line":53,"column":39}} ), depth0)) != null ? stack1 : "")
    + "\n  From User:         "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"pjsip"), "fromUser", {"start":{"line":54,"column":23},"end":{"line":54,"column":37}} ), depth0)) != null ? stack1 : "")
    + "\n  Match (Permit):    "
    + ((stack1 = (((helper = lookupProperty(helpers,"matchPermitList") || alias1(depth0, "matchPermitList", {"start":{"line":55,"column":23},"end":{"line":55,"column":38}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"matchPermitList","hash":{},"loc":{"start":{"line":55,"column":21},"end":{"line":55,"column":40}}}) : helper))) != null ? stack1 : "")
    + "\n\npjsip Settings > Codecs (in this order)\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(lookupProperty(depth0,"pjsip"),"codecs"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"loc":{"start":{"line":58,"column":0},"end":{"line":60,"column":9}}})) != null ? stack1 : "")
    + "\n== Outbound route: Connectivity > Outbound Routes ==\n  Route CID:      "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"outboundRoute"), "outboundCallerId", {"start":{"line":63,"column":20},"end":{"line":63,"column":50}} ), depth0)) != null ? stack1 : "")
    + "\n  Trunk sequence: "
    + ((stack1 = (((helper = lookupProperty(helpers,"trunkName") || alias1(depth0, "trunkName", {"start":{"line":64,"column":20},"end":{"line":64,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"trunkName","hash":{},"loc":{"start":{"line":64,"column":18},"end":{"line":64,"column":31}}}) : helper))) != null ? stack1 : "")
    + "\n  Dial patterns (match pattern):\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(lookupProperty(depth0,"outboundRoute"),"dialPatterns"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":66,"column":0},"end":{"line":68,"column":9}}})) != null ? stack1 : "");
}},
  "freeswitch/acl.conf.xml": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "      <node type=\"allow\" cidr=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(depth0 != null ? depth0 : (container.nullContext || {}),depth0,{"name":"xml","hash":{},"loc":{"start":{"line":6,"column":31},"end":{"line":6,"column":43}}})) != null ? stack1 : "")
    + "\"/>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":1,"column":7},"end":{"line":1,"column":14}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"comment","hash":{},"loc":{"start":{"line":1,"column":5},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " -->\n<configuration name=\"acl.conf\" description=\"Network Lists\">\n  <network-lists>\n    <list name=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"name"),{"name":"xml","hash":{},"loc":{"start":{"line":4,"column":16},"end":{"line":4,"column":28}}})) != null ? stack1 : "")
    + "\" default=\"deny\">\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"nodes"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":5,"column":0},"end":{"line":7,"column":9}}})) != null ? stack1 : "")
    + "    </list>\n  </network-lists>\n</configuration>\n";
}},
  "freeswitch/gateway.xml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || alias1(depth0, "comment", {"start":{"line":1,"column":7},"end":{"line":1,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"comment","hash":{},"loc":{"start":{"line":1,"column":5},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " -->\n<include>\n  <gateway name=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"name"),{"name":"xml","hash":{},"loc":{"start":{"line":3,"column":17},"end":{"line":3,"column":29}}})) != null ? stack1 : "")
    + "\">\n    <param name=\"proxy\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"proxy"),{"name":"xml","hash":{},"loc":{"start":{"line":4,"column":31},"end":{"line":4,"column":44}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"realm\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"domain"),{"name":"xml","hash":{},"loc":{"start":{"line":5,"column":31},"end":{"line":5,"column":45}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"register\" value=\""
    + ((stack1 = (((helper = lookupProperty(helpers,"register") || alias1(depth0, "register", {"start":{"line":6,"column":36},"end":{"line":6,"column":44}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"register","hash":{},"loc":{"start":{"line":6,"column":34},"end":{"line":6,"column":46}}}) : helper))) != null ? stack1 : "")
    + "\"/>\n    <param name=\"username\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"apiKey"),{"name":"xml","hash":{},"loc":{"start":{"line":7,"column":34},"end":{"line":7,"column":48}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"password\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"secret"),{"name":"xml","hash":{},"loc":{"start":{"line":8,"column":34},"end":{"line":8,"column":48}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"from-user\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"fromUser"),{"name":"xml","hash":{},"loc":{"start":{"line":9,"column":35},"end":{"line":9,"column":51}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"from-domain\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias2,lookupProperty(depth0,"domain"),{"name":"xml","hash":{},"loc":{"start":{"line":10,"column":37},"end":{"line":10,"column":51}}})) != null ? stack1 : "")
    + "\"/>\n    <param name=\"caller-id-in-from\" value=\"false\"/>\n    <param name=\"ping\" value=\""
    + ((stack1 = (((helper = lookupProperty(helpers,"ping") || alias1(depth0, "ping", {"start":{"line":12,"column":32},"end":{"line":12,"column":36}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"ping","hash":{},"loc":{"start":{"line":12,"column":30},"end":{"line":12,"column":38}}}) : helper))) != null ? stack1 : "")
    + "\"/>\n    <param name=\"register-transport\" value=\""
    + ((stack1 = (((helper = lookupProperty(helpers,"transport") || alias1(depth0, "transport", {"start":{"line":13,"column":46},"end":{"line":13,"column":55}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"transport","hash":{},"loc":{"start":{"line":13,"column":44},"end":{"line":13,"column":57}}}) : helper))) != null ? stack1 : "")
    + "\"/>\n    <param name=\"retry-seconds\" value=\"60\"/>\n    <param name=\"expire-seconds\" value=\"3600\"/>\n  </gateway>\n</include>\n";
}},
  "freeswitch/internal-profile-acl.xml": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":1,"column":7},"end":{"line":1,"column":14}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"comment","hash":{},"loc":{"start":{"line":1,"column":5},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " -->\n<include>\n  <param name=\"apply-inbound-acl\" value=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"name"),{"name":"xml","hash":{},"loc":{"start":{"line":3,"column":41},"end":{"line":3,"column":53}}})) != null ? stack1 : "")
    + "\"/>\n</include>\n";
}},
  "freeswitch/outbound.xml": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  <extension name=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"name"),{"name":"xml","hash":{},"loc":{"start":{"line":4,"column":19},"end":{"line":4,"column":31}}})) != null ? stack1 : "")
    + "\">\n    <condition field=\"destination_number\" expression=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"expression"),{"name":"xml","hash":{},"loc":{"start":{"line":5,"column":54},"end":{"line":5,"column":72}}})) != null ? stack1 : "")
    + "\">\n      <action application=\"set\" data=\"effective_caller_id_number=${outbound_caller_id_number}\"/>\n      <action application=\"set\" data=\"effective_caller_id_name=${outbound_caller_id_name}\"/>\n      <action application=\"bridge\" data=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"bridge"),{"name":"xml","hash":{},"loc":{"start":{"line":8,"column":41},"end":{"line":8,"column":55}}})) != null ? stack1 : "")
    + "\"/>\n    </condition>\n  </extension>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":1,"column":7},"end":{"line":1,"column":14}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"comment","hash":{},"loc":{"start":{"line":1,"column":5},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " -->\n<include>\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"extensions"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":3,"column":0},"end":{"line":11,"column":9}}})) != null ? stack1 : "")
    + "</include>\n";
}},
  "freeswitch/public.xml": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "  <extension name=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"name"),{"name":"xml","hash":{},"loc":{"start":{"line":4,"column":19},"end":{"line":4,"column":31}}})) != null ? stack1 : "")
    + "_sip\">\n    <condition field=\"destination_number\" expression=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"expression"),{"name":"xml","hash":{},"loc":{"start":{"line":5,"column":54},"end":{"line":5,"column":72}}})) != null ? stack1 : "")
    + "\">\n      <action application=\"set\" data=\"domain_name=$${domain}\"/>\n      <action application=\"transfer\" data=\""
    + ((stack1 = lookupProperty(helpers,"xml").call(alias1,lookupProperty(depth0,"transfer"),{"name":"xml","hash":{},"loc":{"start":{"line":7,"column":43},"end":{"line":7,"column":59}}})) != null ? stack1 : "")
    + "\"/>\n    </condition>\n  </extension>\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- "
    + ((stack1 = (((helper = lookupProperty(helpers,"comment") || container.strict(depth0, "comment", {"start":{"line":1,"column":7},"end":{"line":1,"column":14}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"comment","hash":{},"loc":{"start":{"line":1,"column":5},"end":{"line":1,"column":16}}}) : helper))) != null ? stack1 : "")
    + " -->\n<include>\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"hasDids"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":3,"column":0},"end":{"line":10,"column":7}}})) != null ? stack1 : "")
    + "</include>\n";
}},
  "iptables/rules": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n*filter\n:"
    + ((stack1 = (((helper = lookupProperty(helpers,"chain") || alias1(depth0, "chain", {"start":{"line":3,"column":3},"end":{"line":3,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"chain","hash":{},"loc":{"start":{"line":3,"column":1},"end":{"line":3,"column":10}}}) : helper))) != null ? stack1 : "")
    + " - [0:0]\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":9}}})) != null ? stack1 : "")
    + "COMMIT\n";
}},
  "nftables/nftables.conf": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\tset "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":8,"column":7},"end":{"line":8,"column":11}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"loc":{"start":{"line":8,"column":5},"end":{"line":8,"column":13}}}) : helper))) != null ? stack1 : "")
    + " {\n\t\ttype "
    + ((stack1 = (((helper = lookupProperty(helpers,"type") || alias1(depth0, "type", {"start":{"line":9,"column":9},"end":{"line":9,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"type","hash":{},"loc":{"start":{"line":9,"column":7},"end":{"line":9,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\n\t\tflags interval\n\t\tauto-merge\n\t\telements = { "
    + ((stack1 = (((helper = lookupProperty(helpers,"elements") || alias1(depth0, "elements", {"start":{"line":12,"column":17},"end":{"line":12,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"elements","hash":{},"loc":{"start":{"line":12,"column":15},"end":{"line":12,"column":27}}}) : helper))) != null ? stack1 : "")
    + " }\n\t}\n\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1;

  return "\t\t"
    + ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"header") || alias1(depth0, "header", {"start":{"line":1,"column":2},"end":{"line":1,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"header","hash":{},"loc":{"start":{"line":1,"column":0},"end":{"line":1,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\ntable inet "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":3,"column":13},"end":{"line":3,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":3,"column":11},"end":{"line":3,"column":20}}}) : helper))) != null ? stack1 : "")
    + "\ndelete table inet "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":4,"column":20},"end":{"line":4,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":4,"column":18},"end":{"line":4,"column":27}}}) : helper))) != null ? stack1 : "")
    + "\n\ntable inet "
    + ((stack1 = (((helper = lookupProperty(helpers,"table") || alias1(depth0, "table", {"start":{"line":6,"column":13},"end":{"line":6,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"table","hash":{},"loc":{"start":{"line":6,"column":11},"end":{"line":6,"column":20}}}) : helper))) != null ? stack1 : "")
    + " {\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"sets"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":7,"column":0},"end":{"line":15,"column":9}}})) != null ? stack1 : "")
    + "\tchain input {\n\t\ttype filter hook input priority filter - 1; policy accept;\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"rules"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"loc":{"start":{"line":18,"column":0},"end":{"line":20,"column":9}}})) != null ? stack1 : "")
    + "\t}\n}\n";
}},
  "ufw/ufw.sh": {"0":function(container,depth0,helpers,partials,data) {
    var stack1;

  return ((stack1 = container.lambda(depth0, depth0)) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"header") || container.strict(depth0, "header", {"start":{"line":2,"column":2},"end":{"line":2,"column":8}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"header","hash":{},"loc":{"start":{"line":2,"column":0},"end":{"line":2,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\nset -e\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"commands"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"loc":{"start":{"line":4,"column":0},"end":{"line":6,"column":9}}})) != null ? stack1 : "");
}},
};
