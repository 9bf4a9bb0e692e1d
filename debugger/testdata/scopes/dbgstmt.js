let a = 1;
debugger;
console.log(a);
