// Asio and Beast compiled once for the whole server
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION): every
// other translation unit includes only their declarations.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
#include <utility>  // Boost 1.74's awaitable.hpp forgets it; harmless on 1.81
