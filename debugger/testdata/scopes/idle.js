setTimeout(() => {
  const x = 1;
}, 200);
