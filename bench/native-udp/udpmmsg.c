/*
 * Benchmark calibration only, not part of siptrunk: an IPv4 UDP socket for Node that reads
 * with recvmmsg(2) and writes with sendmmsg(2), Linux only, built on demand by
 * `npm run bench:native-udp` (node-gyp) and loaded only by bench/options-throughput.bench.mjs
 * with BENCH_NATIVE_UDP=1.
 *
 * Question it answers: how much of a Node client's CPU per datagram is node:dgram's binding
 * (one recvmsg, one 64 KiB allocation, one address object and one JavaScript callback per
 * datagram; one lookup and one sendmsg per send) rather than JavaScript work? Here every
 * wake-up reads up to 64 datagrams with one system call and hands them to JavaScript in one
 * callback (one Buffer holding them all, plus an Int32Array of offset, length, port and
 * address per datagram); a batch of datagrams leaves with one sendmmsg.
 *
 * open(address, port, bufferBytes, onDatagrams) -> handle
 *   onDatagrams(buffer, meta, count): meta[i*4 .. i*4+3] = offset, length, port, IPv4 address
 *   as a 32-bit integer (network order read as a number).
 * localPort(handle) -> the bound port
 * send(handle, buffer, meta, count) -> datagrams the kernel took; meta[i*4 .. i*4+3] = offset,
 *   length, port, IPv4 address, as above. A datagram the kernel refused is skipped and counted
 *   out of the result (the calibration counts it as a failed exchange).
 * close(handle)
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <uv.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MAX_DATAGRAM 65536

typedef struct {
  int fd;
  int closed;      /* close() called: no more reads or sends */
  int poll_closed; /* libuv is done with the poll handle */
  int finalized;   /* the JavaScript handle was collected */
  uv_poll_t poll;
  napi_env env;
  napi_ref callback;
  napi_async_context async;
  char *space; /* BATCH * MAX_DATAGRAM bytes of receive buffers */
  struct mmsghdr msgs[BATCH];
  struct iovec iov[BATCH];
  struct sockaddr_in from[BATCH];
} udp_socket;

static napi_value throw_errno(napi_env env, const char *what, int err) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(err));
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static udp_socket *socket_of(napi_env env, napi_value handle) {
  void *p = NULL;
  if (napi_get_value_external(env, handle, &p) != napi_ok || p == NULL) napi_throw_type_error(env, NULL, "not a udpmmsg handle");
  return p;
}

/* The call's arguments (`want` of them, the socket handle first) and the socket. */
static udp_socket *socket_call(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < want) {
    napi_throw_type_error(env, NULL, "udpmmsg: missing arguments");
    return NULL;
  }
  return socket_of(env, argv[0]);
}

/* Reads what is queued (at most 4 * BATCH datagrams per wake-up, so other handles get their
 * turn) and hands each recvmmsg batch to JavaScript in one callback. */
static void on_readable(uv_poll_t *poll, int status, int events) {
  udp_socket *s = poll->data;
  napi_env env = s->env;
  if (status < 0 || s->closed) return;
  for (int round = 0; round < 4; round++) {
    for (int i = 0; i < BATCH; i++) {
      s->iov[i].iov_base = s->space + (size_t)i * MAX_DATAGRAM;
      s->iov[i].iov_len = MAX_DATAGRAM;
      memset(&s->msgs[i].msg_hdr, 0, sizeof s->msgs[i].msg_hdr);
      s->msgs[i].msg_hdr.msg_iov = &s->iov[i];
      s->msgs[i].msg_hdr.msg_iovlen = 1;
      s->msgs[i].msg_hdr.msg_name = &s->from[i];
      s->msgs[i].msg_hdr.msg_namelen = sizeof s->from[i];
    }
    int n = recvmmsg(s->fd, s->msgs, BATCH, MSG_DONTWAIT, NULL);
    if (n <= 0) return; /* EAGAIN: drained */
    size_t total = 0;
    for (int i = 0; i < n; i++) total += s->msgs[i].msg_len;
    napi_handle_scope scope;
    napi_open_handle_scope(env, &scope);
    void *data;
    int32_t *meta;
    napi_value argv[3], meta_buffer, callback, receiver, result;
    napi_create_buffer(env, total > 0 ? total : 1, &data, &argv[0]);
    napi_create_arraybuffer(env, (size_t)n * 4 * sizeof(int32_t), (void **)&meta, &meta_buffer);
    napi_create_typedarray(env, napi_int32_array, (size_t)n * 4, meta_buffer, 0, &argv[1]);
    napi_create_int32(env, n, &argv[2]);
    size_t offset = 0;
    for (int i = 0; i < n; i++) {
      unsigned len = s->msgs[i].msg_len;
      memcpy((char *)data + offset, s->iov[i].iov_base, len);
      meta[i * 4] = (int32_t)offset;
      meta[i * 4 + 1] = (int32_t)len;
      meta[i * 4 + 2] = ntohs(s->from[i].sin_port);
      meta[i * 4 + 3] = (int32_t)ntohl(s->from[i].sin_addr.s_addr);
      offset += len;
    }
    napi_get_reference_value(env, s->callback, &callback);
    napi_get_global(env, &receiver); /* napi_make_callback wants an object */
    /* napi_make_callback: microtasks and process.nextTick run after it, as after any I/O callback. */
    napi_status st = napi_make_callback(env, s->async, receiver, callback, 3, argv, &result);
    napi_close_handle_scope(env, scope);
    if (st != napi_ok || s->closed || n < BATCH) return;
  }
}

static void finalize(napi_env env, void *data, void *hint);

static napi_value Open(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 4) {
    napi_throw_type_error(env, NULL, "open(address, port, bufferBytes, onDatagrams)");
    return NULL;
  }
  char address[64];
  size_t len;
  int32_t port, buffer_bytes;
  if (napi_get_value_string_utf8(env, argv[0], address, sizeof address, &len) != napi_ok || napi_get_value_int32(env, argv[1], &port) != napi_ok ||
      napi_get_value_int32(env, argv[2], &buffer_bytes) != napi_ok) {
    napi_throw_type_error(env, NULL, "open(address: string, port: number, bufferBytes: number, onDatagrams)");
    return NULL;
  }
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, address, &sa.sin_addr) != 1) {
    napi_throw_type_error(env, NULL, "open: not an IPv4 address");
    return NULL;
  }
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return throw_errno(env, "socket", errno);
  if (buffer_bytes > 0) {
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer_bytes, sizeof buffer_bytes);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buffer_bytes, sizeof buffer_bytes);
  }
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
    int err = errno;
    close(fd);
    return throw_errno(env, "bind", err);
  }
  udp_socket *s = calloc(1, sizeof *s);
  if (s != NULL) s->space = malloc((size_t)BATCH * MAX_DATAGRAM);
  if (s == NULL || s->space == NULL) {
    free(s);
    close(fd);
    return throw_errno(env, "malloc", ENOMEM);
  }
  s->fd = fd;
  s->env = env;
  napi_create_reference(env, argv[3], 1, &s->callback);
  napi_value name;
  napi_create_string_utf8(env, "udpmmsg", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &s->async);
  uv_loop_t *loop;
  napi_get_uv_event_loop(env, &loop);
  uv_poll_init(loop, &s->poll, fd);
  s->poll.data = s;
  uv_poll_start(&s->poll, UV_READABLE, on_readable);
  napi_value handle;
  napi_create_external(env, s, finalize, NULL, &handle);
  return handle;
}

static napi_value LocalPort(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  udp_socket *s = socket_call(env, info, 1, argv);
  if (s == NULL) return NULL;
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  if (getsockname(s->fd, (struct sockaddr *)&sa, &len) < 0) return throw_errno(env, "getsockname", errno);
  napi_create_int32(env, ntohs(sa.sin_port), &result);
  return result;
}

static napi_value Send(napi_env env, napi_callback_info info) {
  napi_value argv[4], result;
  udp_socket *s = socket_call(env, info, 4, argv);
  if (s == NULL) return NULL;
  char *data;
  size_t data_len, meta_len, meta_offset;
  int32_t *meta, count;
  napi_typedarray_type type;
  napi_value meta_buffer;
  if (napi_get_buffer_info(env, argv[1], (void **)&data, &data_len) != napi_ok ||
      napi_get_typedarray_info(env, argv[2], &type, &meta_len, (void **)&meta, &meta_buffer, &meta_offset) != napi_ok || type != napi_int32_array ||
      napi_get_value_int32(env, argv[3], &count) != napi_ok || count < 0 || (size_t)count * 4 > meta_len) {
    napi_throw_type_error(env, NULL, "send(handle, buffer: Buffer, meta: Int32Array, count: number)");
    return NULL;
  }
  struct mmsghdr msgs[BATCH];
  struct iovec iov[BATCH];
  struct sockaddr_in to[BATCH];
  int done = 0, sent = 0;
  while (done < count && !s->closed) {
    int k = count - done < BATCH ? count - done : BATCH;
    for (int i = 0; i < k; i++) {
      const int32_t *e = meta + (size_t)(done + i) * 4;
      if (e[0] < 0 || e[1] < 0 || (size_t)e[0] + (size_t)e[1] > data_len) {
        napi_throw_range_error(env, NULL, "send: a datagram lies outside the buffer");
        return NULL;
      }
      iov[i].iov_base = data + e[0];
      iov[i].iov_len = (size_t)e[1];
      memset(&to[i], 0, sizeof to[i]);
      to[i].sin_family = AF_INET;
      to[i].sin_port = htons((uint16_t)e[2]);
      to[i].sin_addr.s_addr = htonl((uint32_t)e[3]);
      memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
      msgs[i].msg_hdr.msg_iov = &iov[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
      msgs[i].msg_hdr.msg_name = &to[i];
      msgs[i].msg_hdr.msg_namelen = sizeof to[i];
    }
    int n = sendmmsg(s->fd, msgs, (unsigned)k, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      done++; /* the first datagram of the batch was refused: skip it */
      continue;
    }
    done += n;
    sent += n;
  }
  napi_create_int32(env, sent, &result);
  return result;
}

static void on_closed(uv_handle_t *handle) {
  udp_socket *s = handle->data;
  s->poll_closed = 1;
  close(s->fd); /* only now: libuv may still hold the descriptor in this loop turn's events */
  free(s->space);
  s->space = NULL;
  if (s->finalized) free(s);
}

static void close_socket(napi_env env, udp_socket *s) {
  if (s->closed) return;
  s->closed = 1;
  uv_poll_stop(&s->poll);
  napi_delete_reference(env, s->callback);
  napi_async_destroy(env, s->async);
  uv_close((uv_handle_t *)&s->poll, on_closed);
}

/* The handle was garbage-collected: close the socket if the script did not, free the rest
 * once libuv has let go of the poll handle. */
static void finalize(napi_env env, void *data, void *hint) {
  udp_socket *s = data;
  s->finalized = 1;
  if (!s->closed) close_socket(env, s);
  else if (s->poll_closed) free(s);
}

static napi_value Close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  udp_socket *s = socket_call(env, info, 1, argv);
  if (s != NULL) close_socket(env, s);
  return NULL;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"open", NULL, Open, NULL, NULL, NULL, napi_default, NULL},
      {"localPort", NULL, LocalPort, NULL, NULL, NULL, napi_default, NULL},
      {"send", NULL, Send, NULL, NULL, NULL, napi_default, NULL},
      {"close", NULL, Close, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
