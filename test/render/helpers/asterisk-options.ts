/**
 * Option names Asterisk knows, per object type, from configs/samples/pjsip.conf.sample,
 * pjsip_wizard.conf.sample and sip.conf.sample of asterisk/asterisk (only the ones a trunk can
 * use; the lists are for tests). res_pjsip drops a whole object that has an unknown option, so
 * every option we write must be in these lists.
 */
export const PJSIP_OPTIONS: Record<string, readonly string[]> = {
  transport: ['type', 'protocol', 'bind', 'cert_file', 'priv_key_file', 'ca_list_file', 'ca_list_path', 'method', 'cipher', 'verify_server', 'verify_client', 'require_client_cert', 'local_net', 'external_media_address', 'external_signaling_address', 'external_signaling_port', 'domain', 'tos', 'cos', 'allow_reload', 'symmetric_transport', 'async_operations'],
  endpoint: ['type', 'transport', 'context', 'disallow', 'allow', 'outbound_auth', 'aors', 'auth', 'from_user', 'from_domain', 'dtmf_mode', 'direct_media', 'rtp_symmetric', 'force_rport', 'rewrite_contact', 'callerid', 'identify_by', 'media_encryption', 'ice_support', 'trust_id_inbound', 'trust_id_outbound', 'send_pai', 'send_rpid', 'language', 'outbound_proxy', 'contact_user', 'set_var', 'rtp_timeout', 'rtp_keepalive'],
  aor: ['type', 'contact', 'qualify_frequency', 'qualify_timeout', 'max_contacts', 'remove_existing', 'default_expiration', 'minimum_expiration', 'maximum_expiration', 'authenticate_qualify', 'outbound_proxy'],
  auth: ['type', 'auth_type', 'username', 'password', 'realm', 'md5_cred', 'nonce_lifetime'],
  registration: ['type', 'transport', 'outbound_auth', 'server_uri', 'client_uri', 'contact_user', 'retry_interval', 'forbidden_retry_interval', 'fatal_retry_interval', 'expiration', 'max_retries', 'auth_rejection_permanent', 'outbound_proxy', 'line', 'endpoint'],
  identify: ['type', 'endpoint', 'match', 'srv_lookups', 'match_header'],
};

export const WIZARD_OPTIONS = ['type', 'transport', 'remote_hosts', 'sends_auth', 'accepts_auth', 'sends_registrations', 'accepts_registrations', 'sends_line_with_registrations', 'outbound_proxy', 'server_uri_pattern', 'client_uri_pattern', 'contact_pattern', 'has_phoneprov', 'has_hint', 'hint_context', 'hint_exten', 'hint_application'];
export const WIZARD_PREFIXES = ['endpoint', 'aor', 'inbound_auth', 'outbound_auth', 'identify', 'registration', 'phoneprov'];

/** sip.conf options we write, as chan_sip names them (sip.conf.sample). */
export const CHANSIP_GENERAL_OPTIONS = ['register', 'tcpenable', 'tlsenable', 'tlsbindaddr', 'tlscertfile', 'tlsprivatekey', 'tlscafile', 'udpbindaddr', 'tcpbindaddr', 'context'];
export const CHANSIP_PEER_OPTIONS = ['type', 'host', 'fromdomain', 'fromuser', 'context', 'insecure', 'nat', 'disallow', 'allow', 'dtmfmode', 'username', 'defaultuser', 'secret', 'qualify', 'qualifyfreq', 'transport', 'port'];
