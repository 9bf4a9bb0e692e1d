"use strict";
const { ERR_CHILD_CLOSED_BEFORE_REPLY } = require("internal/errors").codes;
const EventEmitter = require("events");
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once("exit", () => this.emit("exit", this));
  }
  _request(msg, cmd, swallowErrors, callback) {
    const self = this;
    if (!this.child.connected) return onclose();
    this.child._send(msg, void 0, swallowErrors);
    function onclose() {
      self.child.removeListener("internalMessage", onreply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    }
    function onreply(msg2) {
      if (!(msg2.cmd === cmd && msg2.key === self.key)) return;
      self.child.removeListener("disconnect", onclose);
      self.child.removeListener("internalMessage", onreply);
      callback(null, msg2);
    }
    this.child.once("disconnect", onclose);
    this.child.on("internalMessage", onreply);
  }
  close(callback) {
    this._request({
      cmd: "NODE_SOCKET_NOTIFY_CLOSE",
      key: this.key
    }, "NODE_SOCKET_ALL_CLOSED", true, callback);
  }
  getConnections(callback) {
    this._request({
      cmd: "NODE_SOCKET_GET_COUNT",
      key: this.key
    }, "NODE_SOCKET_COUNT", false, (err, msg) => {
      if (err) return callback(err);
      callback(null, msg.count);
    });
  }
}
class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;
    function onempty(self) {
      if (!self.child.connected) return;
      self.child._send({
        cmd: "NODE_SOCKET_ALL_CLOSED",
        key: self.key
      }, void 0, true);
    }
    this.child.on("internalMessage", (msg) => {
      if (msg.key !== this.key) return;
      if (msg.cmd === "NODE_SOCKET_NOTIFY_CLOSE") {
        if (this.connections === 0) return onempty(this);
        this.once("empty", onempty);
      } else if (msg.cmd === "NODE_SOCKET_GET_COUNT") {
        if (!this.child.connected) return;
        this.child._send({
          cmd: "NODE_SOCKET_COUNT",
          key: this.key,
          count: this.connections
        });
      }
    });
  }
  add(obj) {
    this.connections++;
    obj.socket.once("close", () => {
      this.connections--;
      if (this.connections === 0) this.emit("empty", this);
    });
  }
}
module.exports = { SocketListSend, SocketListReceive };
